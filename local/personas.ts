/**
 * Which scripted resident answers which phone. Personas come from samples/personas/*.json (or `--personas`), and
 * are assigned to households by seeded weights, so a run is reproducible under `--seed`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UsageError } from './cli/io.ts';
import { type Persona, PersonaSchema } from './phone-network/persona.ts';
import { seededRandom } from './seeded-random.ts';

export const SAMPLE_PERSONAS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'samples',
  'personas',
);

const PersonaFileSchema = z.object({
  personas: z.array(PersonaSchema).min(1),
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  /** householdId → persona id: fixed assignments win over weights. */
  assign: z.record(z.string(), z.string()).optional(),
});

export interface PersonaLibrary {
  personas: Map<string, Persona>;
  weights: [string, number][];
  assign: Record<string, string>;
}

function library(personas: Persona[], weights?: Record<string, number>, assign: Record<string, string> = {}) {
  const byId = new Map(personas.map((p) => [p.id, p]));
  const weighted = Object.entries(weights ?? Object.fromEntries(personas.map((p) => [p.id, 1])));
  for (const [id] of weighted)
    if (!byId.has(id)) throw new UsageError(`persona weights name unknown persona "${id}"`);
  for (const [household, id] of Object.entries(assign)) {
    if (!byId.has(id))
      throw new UsageError(`persona assignment for ${household} names unknown persona "${id}"`);
  }
  if (weighted.every(([, w]) => w === 0)) throw new UsageError('persona weights are all zero');
  return { personas: byId, weights: weighted, assign };
}

/** Loads the sample personas folder (every *.json but weights.json) with its weights.json. */
export function loadSamplePersonas(dir = SAMPLE_PERSONAS_DIR): PersonaLibrary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'weights.json');
  const personas = files.map((f) => {
    const parsed = PersonaSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!parsed.success) throw new UsageError(`${basename(f)}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
  let weights: Record<string, number> | undefined;
  try {
    weights = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8'));
  } catch {
    weights = undefined;
  }
  return library(personas, weights);
}

/** Loads a `--personas` file: `{ personas: [...], weights?: {...}, assign?: {householdId: personaId} }`. */
export function loadPersonaFile(file: string): PersonaLibrary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read personas file ${file}: ${(error as Error).message}`);
  }
  const parsed = PersonaFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return library(parsed.data.personas, parsed.data.weights, parsed.data.assign);
}

/** Returns a function that picks (once, then remembers) the persona for each household. */
export function personaAssigner(lib: PersonaLibrary, seed: number): (householdId: string) => Persona {
  const chosen = new Map<string, Persona>();
  const total = lib.weights.reduce((sum, [, w]) => sum + w, 0);
  return (householdId) => {
    const known = chosen.get(householdId);
    if (known) return known;
    const fixed = lib.assign[householdId];
    let persona = fixed ? lib.personas.get(fixed) : undefined;
    if (!persona) {
      // Hash the household id with the seed: the same household meets the same persona whatever the call order.
      let h = seed >>> 0;
      for (const ch of householdId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      let pick = seededRandom(h)() * total;
      for (const [id, w] of lib.weights) {
        pick -= w;
        if (pick < 0) {
          persona = lib.personas.get(id);
          break;
        }
      }
      persona ??= lib.personas.get((lib.weights.at(-1) as [string, number])[0]);
    }
    chosen.set(householdId, persona as Persona);
    return persona as Persona;
  };
}
