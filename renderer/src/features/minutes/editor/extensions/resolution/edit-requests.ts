/** "Open the edit form of resolution X": from the Enter key, the insert command or the resolutions panel. */
export class EditRequests {
  private listeners = new Set<(id: string) => void>();
  /** The id asked for before its node view mounted (a freshly inserted card opens on mount). */
  pending: string | null = null;

  isPending(id: string): boolean {
    return this.pending === id;
  }

  /** The card of `id` has taken the request. */
  clear(id: string): void {
    if (this.pending === id) this.pending = null;
  }

  request(id: string): void {
    this.pending = id;
    this.listeners.forEach((l) => l(id));
  }

  subscribe(l: (id: string) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
