import type {
  AgendaItem,
  Attendance,
  Dispute,
  Meeting,
  Minutes,
  Person,
  Resolution,
  TaskEvent,
  Topic,
  Unit,
} from '../domain';

/** A complete set of business records, as produced by the demo generator and loaded in one transaction. */
export interface Dataset {
  units: Unit[];
  people: Person[];
  meetings: Meeting[];
  attendance: Attendance[];
  agendaItems: AgendaItem[];
  topics: Topic[];
  disputes: Dispute[];
  minutes: Minutes[];
  resolutions: Resolution[];
  taskEvents: TaskEvent[];
}

export interface DemoOptions {
  /** PRNG seed; the same seed gives the same dataset byte for byte. */
  seed: number;
  /** 1 = a realistic township (~15 units, ~40 people, two years). Larger values feed benchmarks. */
  scale: number;
  /** "Today" for the dataset, `YYYY-MM-DD`; meetings span the two years before it. */
  today: string;
  /**
   * 'township' (default): the above. 'district-10y': ten years of a busy district — about 80 meetings,
   * 3,000 topics, 600 disputes, 8,000 resolutions and 40,000 progress events, 纪要 of up to some 50 pages;
   * `scale` then sets the years (10 × scale, at least one: 0.1 = one year, a tenth of the data).
   */
  profile?: DemoProfileName;
}

export type DemoProfileName = 'township' | 'district-10y';
