import type { Person, Unit } from '../domain';
import {
  GIVEN_NAMES,
  MOBILE_PREFIXES,
  PERSON_SEEDS,
  SURNAMES,
  UNIT_KEYS,
  UNIT_SEEDS,
  type UnitKey,
} from './catalog-units';
import { compact } from './context';
import { type DayNumber, timestamp } from './dates';
import type { Random } from './random';

export interface Organisation {
  units: Record<UnitKey, Unit>;
  people: Person[];
  peopleByUnit: Record<UnitKey, Person[]>;
  liaison: Record<UnitKey, Person>;
}

/** Member units and their people, all set up on `setupDay` (before the first meeting). */
export function buildOrganisation(rng: Random, setupDay: DayNumber): Organisation {
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const name = () => {
    for (;;) {
      const n = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const phone = () => {
    for (;;) {
      const p = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };

  const unitIds = {} as Record<UnitKey, string>;
  for (const key of UNIT_KEYS) unitIds[key] = rng.uuid();

  const peopleByUnit = {} as Record<UnitKey, Person[]>;
  for (const key of UNIT_KEYS) peopleByUnit[key] = [];
  const people: Person[] = PERSON_SEEDS.map((seed, i) => {
    const stamp = timestamp(setupDay, 10, i % 60);
    const person: Person = {
      id: rng.uuid(),
      createdAt: stamp,
      updatedAt: stamp,
      name: name(),
      unitId: unitIds[seed.unit],
      post: seed.post,
      role: seed.role,
      phone: phone(),
      archived: false,
    };
    peopleByUnit[seed.unit].push(person);
    return person;
  });

  const liaison = {} as Record<UnitKey, Person>;
  const units = {} as Record<UnitKey, Unit>;
  UNIT_KEYS.forEach((key, i) => {
    const staff = peopleByUnit[key];
    const contact = staff.find((p) => p.role === 'liaison') ?? staff[0];
    if (!contact) throw new Error(`demo catalog: unit ${key} has no people`);
    liaison[key] = contact;
    const seed = UNIT_SEEDS[key];
    const stamp = timestamp(setupDay, 9, i);
    units[key] = compact({
      id: unitIds[key],
      createdAt: stamp,
      updatedAt: stamp,
      name: seed.name,
      shortName: seed.shortName,
      kind: seed.kind,
      liaisonName: contact.name,
      liaisonPhone: contact.phone,
      note: seed.note,
      archived: false,
    });
  });

  return { units, people, peopleByUnit, liaison };
}
