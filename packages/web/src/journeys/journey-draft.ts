import type { JourneyInput } from './journeys-api';

/** What the journey editor edits: plain strings; events are comma-separated. */
export interface StageDraft {
  name: string;
  events: string;
  touchpointIds: string[];
}

export const emptyStage = (): StageDraft => ({ name: '', events: '', touchpointIds: [] });

/**
 * A stage key the server accepts (^[a-z0-9][a-z0-9_-]{0,49}$), derived from the stage name; keys must be unique in
 * a journey, so a repeated one gets its position appended.
 */
export function stageKey(name: string, index: number, taken: Set<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const base = slug === '' ? `stage-${index + 1}` : slug;
  return taken.has(base) ? `${base}-${index + 1}` : base;
}

export function journeyInputOf(name: string, description: string, stages: StageDraft[]): JourneyInput {
  const taken = new Set<string>();
  return {
    name: name.trim(),
    description: description.trim(),
    stages: stages.map((stage, index) => {
      const key = stageKey(stage.name, index, taken);
      taken.add(key);
      return {
        key,
        name: stage.name.trim(),
        touchpointIds: stage.touchpointIds,
        events: stage.events
          .split(',')
          .map((event) => event.trim())
          .filter((event) => event !== ''),
      };
    }),
  };
}
