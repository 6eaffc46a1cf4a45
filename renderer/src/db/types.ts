import type {
  AuditAnchor,
  AuditEntry,
  AuditVerification,
  AuditedEntity,
  Person,
  RuleProfile,
  Unit,
  UserProfile,
} from '../../../shared/domain';
import type { Dataset } from '../../../shared/demo/types';
import type { ValidatedUnitsPeople } from '../../../shared/import/types';

export interface UnitListFilter {
  includeArchived?: boolean;
  /** Case-insensitive substring of name, short name, liaison name or liaison phone. */
  search?: string;
}

export interface PersonListFilter {
  includeArchived?: boolean;
  /** Case-insensitive substring of name, post or phone. */
  search?: string;
  unitId?: string;
}

export interface AuditListFilter {
  entity?: AuditedEntity;
  entityId?: string;
  limit?: number;
}

/** `input` parameters are `unknown` on purpose: every write validates with the shared zod schema. */
export interface UnitsRepository {
  /** Sorted by kind (UNIT_KINDS order), then name (zh-CN collation). Archived ones only on request. */
  list(filter?: UnitListFilter): Promise<Unit[]>;
  get(id: string): Promise<Unit | undefined>;
  create(input: unknown): Promise<Unit>;
  /** `input` is a UnitInput; keys left out keep their stored value. */
  update(id: string, input: unknown): Promise<Unit>;
  archive(id: string): Promise<Unit>;
  restore(id: string): Promise<Unit>;
  /** Refused with DomainError('referenced') while anything refers to the unit: archive it instead. */
  remove(id: string): Promise<void>;
  /** Records (people, topics, disputes, resolutions, agenda items) that refer to the unit. */
  referenceCount(id: string): Promise<number>;
}

export interface PeopleRepository {
  /** Sorted by joint-meeting role (MEETING_ROLES order), then name (zh-CN collation). */
  list(filter?: PersonListFilter): Promise<Person[]>;
  get(id: string): Promise<Person | undefined>;
  create(input: unknown): Promise<Person>;
  /** `input` is a PersonInput; keys left out keep their stored value. */
  update(id: string, input: unknown): Promise<Person>;
  archive(id: string): Promise<Person>;
  restore(id: string): Promise<Person>;
  /** Refused with DomainError('referenced') while attendance, topics or meetings refer to the person. */
  remove(id: string): Promise<void>;
  referenceCount(id: string): Promise<number>;
}

export interface ProfilesRepository {
  /** Oldest first. */
  list(): Promise<UserProfile[]>;
  current(): Promise<UserProfile | undefined>;
  /** Creates the profile and makes it current; audited with itself as actor. */
  create(input: unknown): Promise<UserProfile>;
  /** Audited (settings 'profile.current') with the new profile as actor. */
  switchTo(id: string): Promise<UserProfile>;
}

export interface RulesRepository {
  /** RULE_PRESETS, then custom profiles by name. */
  list(): Promise<RuleProfile[]>;
  /** The active profile; the first preset until one is chosen. */
  active(): Promise<RuleProfile>;
  setActive(id: string): Promise<void>;
  /** `{ id?, name, values }`: creates (no/unknown id) or updates a custom profile. Presets are read-only. */
  saveCustom(input: unknown): Promise<RuleProfile>;
  /** Refused for presets and for the active profile. */
  removeCustom(id: string): Promise<void>;
}

export interface AuditRepository {
  /** Newest first. */
  list(filter?: AuditListFilter): Promise<AuditEntry[]>;
  /** Checks the whole chain against the stored anchor and any `extraAnchors` (from backups, exports). */
  verify(extraAnchors?: readonly AuditAnchor[]): Promise<AuditVerification>;
  head(): Promise<AuditAnchor | null>;
  count(): Promise<number>;
}

export interface DemoRepository {
  /** No units and no people. */
  isEmpty(): Promise<boolean>;
  /** One transaction; validates every record; refuses a non-empty database; one audit entry per record. */
  load(dataset: Dataset): Promise<{ records: number }>;
}

export interface ImporterRepository {
  /** One transaction: any bad row (named in the error) leaves the database untouched. */
  unitsAndPeople(data: ValidatedUnitsPeople): Promise<{ units: number; people: number }>;
}

export interface DataLayer {
  units: UnitsRepository;
  people: PeopleRepository;
  profiles: ProfilesRepository;
  rules: RulesRepository;
  audit: AuditRepository;
  demo: DemoRepository;
  importer: ImporterRepository;
}
