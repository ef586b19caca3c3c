/**
 * Taxonomy management and (re-)enrichment: the stateful side of text analytics. Every taxonomy change bumps the
 * version and re-enriches the workspace's open-text answers, so topics and their sentiment never lag behind it.
 */

import { CairnError } from '../../errors/catalogue.js';
import type { Store } from '../../store/port.js';
import type { EnrichmentRecord, StoredTaxonomy, TextAnswer } from '../../store/text-port.js';
import { canManageTextTaxonomy, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import { defaultTopics } from './default-taxonomy.js';
import { enrichText } from './enrich.js';
import { type CompiledTaxonomy, compileTaxonomy, type Topic } from './taxonomy.js';

const pageSize = 1000;

/** The stored taxonomy, or the defaults (version 0) for a workspace that never edited it. */
export async function workspaceTaxonomy(store: Store, workspaceId: string): Promise<StoredTaxonomy> {
  return (
    (await store.text.taxonomy(workspaceId)) ?? { version: 0, topics: defaultTopics.map((t) => ({ ...t })) }
  );
}

function records(
  answers: readonly TextAnswer[],
  compiled: CompiledTaxonomy,
  version: number,
  at: string,
): EnrichmentRecord[] {
  return answers.map((a) => ({
    workspaceId: a.workspaceId,
    responseId: a.responseId,
    questionId: a.questionId,
    profileId: a.profileId,
    answeredAt: a.answeredAt,
    taxonomyVersion: version,
    enrichedAt: at,
    enrichment: enrichText(a.text, compiled),
  }));
}

interface CompiledVersion {
  version: number;
  compiled: CompiledTaxonomy;
}

/**
 * Compiled taxonomies of the workspaces, per store: every response batch enriches its answers, and reading and
 * compiling the taxonomy each time sat on the response path. Taxonomies change only through `change` below
 * (which forgets the workspace's entry) and by a restore (which forgets them all).
 */
const compiledCache = new WeakMap<Store, Map<string, Promise<CompiledVersion>>>();

function compiledTaxonomy(store: Store, workspaceId: string): Promise<CompiledVersion> {
  let cache = compiledCache.get(store);
  if (!cache) {
    const created = new Map<string, Promise<CompiledVersion>>();
    store.onReplaced(() => created.clear());
    compiledCache.set(store, created);
    cache = created;
  }
  let entry = cache.get(workspaceId);
  if (!entry) {
    const loading = workspaceTaxonomy(store, workspaceId).then((t) => ({
      version: t.version,
      compiled: compileTaxonomy(t),
    }));
    loading.catch(() => cache.delete(workspaceId));
    cache.set(workspaceId, loading);
    entry = loading;
  }
  return entry;
}

/**
 * Enrichments of new open-text answers (question_type 'text'), computed with each workspace's current taxonomy
 * but not stored: the survey writers store them in the same transaction as the answers they derive from.
 */
export async function enrichmentsFor(
  store: Store,
  answers: readonly TextAnswer[],
  now: Date,
): Promise<EnrichmentRecord[]> {
  const byWorkspace = new Map<string, TextAnswer[]>();
  for (const a of answers) {
    const list = byWorkspace.get(a.workspaceId);
    if (list) list.push(a);
    else byWorkspace.set(a.workspaceId, [a]);
  }
  const out: EnrichmentRecord[] = [];
  for (const [workspaceId, list] of byWorkspace) {
    const { version, compiled } = await compiledTaxonomy(store, workspaceId);
    out.push(...records(list, compiled, version, now.toISOString()));
  }
  return out;
}

/** Enriches and stores new open-text answers (answers already committed; question_type 'text' only). */
export async function enrichAnswers(
  store: Store,
  answers: readonly TextAnswer[],
  now: Date,
): Promise<number> {
  await store.text.saveEnrichments(await enrichmentsFor(store, answers, now));
  return answers.length;
}

/** Recomputes every open-text enrichment of the workspace with its current taxonomy; returns how many. */
export async function reenrichWorkspace(store: Store, workspaceId: string, now: Date): Promise<number> {
  const taxonomy = await workspaceTaxonomy(store, workspaceId);
  const compiled = compileTaxonomy(taxonomy);
  let after: { responseId: string; questionId: string } | undefined;
  let total = 0;
  for (;;) {
    const page = await store.text.textAnswers(workspaceId, { limit: pageSize, after });
    if (page.length === 0) return total;
    await store.text.saveEnrichments(records(page, compiled, taxonomy.version, now.toISOString()));
    total += page.length;
    const last = page[page.length - 1] as TextAnswer;
    after = { responseId: last.responseId, questionId: last.questionId };
  }
}

export interface TaxonomyChange {
  taxonomy: StoredTaxonomy;
  reenriched: number;
}

async function change(
  ctx: DomainContext,
  workspaceId: string,
  edit: (topics: Topic[]) => Topic[],
): Promise<TaxonomyChange> {
  ensure(canManageTextTaxonomy(ctx.actor, workspaceId), 'manage the text taxonomy of this workspace');
  const current = await workspaceTaxonomy(ctx.store, workspaceId);
  const taxonomy = { version: current.version + 1, topics: edit(current.topics) };
  await ctx.store.text.saveTaxonomy(workspaceId, taxonomy, ctx.now().toISOString());
  compiledCache.get(ctx.store)?.delete(workspaceId);
  return { taxonomy, reenriched: await reenrichWorkspace(ctx.store, workspaceId, ctx.now()) };
}

const notFound = (id: string) => new CairnError('CAIRN_NOT_FOUND', { resource: 'Topic', id });

export function createTopic(ctx: DomainContext, workspaceId: string, topic: Topic): Promise<TaxonomyChange> {
  return change(ctx, workspaceId, (topics) => {
    if (topics.some((t) => t.id === topic.id))
      throw new CairnError('CAIRN_CONFLICT', { reason: `A topic with id ${topic.id} already exists.` });
    return [...topics, topic];
  });
}

export function updateTopic(
  ctx: DomainContext,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<Topic, 'id'>>,
): Promise<TaxonomyChange> {
  return change(ctx, workspaceId, (topics) => {
    const existing = topics.find((t) => t.id === id);
    if (!existing) throw notFound(id);
    return topics.map((t) => (t.id === id ? { ...t, ...patch, id } : t));
  });
}

export function deleteTopic(ctx: DomainContext, workspaceId: string, id: string): Promise<TaxonomyChange> {
  return change(ctx, workspaceId, (topics) => {
    if (!topics.some((t) => t.id === id)) throw notFound(id);
    return topics.filter((t) => t.id !== id);
  });
}

/** Puts back the default taxonomy. */
export function resetTaxonomy(ctx: DomainContext, workspaceId: string): Promise<TaxonomyChange> {
  return change(ctx, workspaceId, () => defaultTopics.map((t) => ({ ...t })));
}
