import "server-only";
import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { parties, partyMembers, partyMessages, profiles, type Party } from "../schema";

// Watch parties (lib/parties/). Every change that others must see runs in a transaction holding the party row's lock,
// so two joins cannot both take the last place and a control cannot interleave with a host transfer.

type Executor = Transaction | ReturnType<typeof db>;

export type NewParty = Pick<
  typeof parties.$inferInsert,
  "code" | "hostProfileId" | "kind" | "itemId" | "titleId" | "season" | "episode" | "maxMembers" | "waitForEveryone" | "position"
>;

export type MemberRow = {
  profileId: string;
  accountId: string;
  name: string;
  avatar: string;
  streamId: string | null;
  buffering: boolean;
  joinedAt: Date;
};

export function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db().transaction(work);
}

export async function insertParty(tx: Transaction, values: NewParty): Promise<Party> {
  const [row] = await tx.insert(parties).values(values).returning();
  return row;
}

export async function findParty(id: string, executor: Executor = db()): Promise<Party | undefined> {
  const [row] = await executor.select().from(parties).where(eq(parties.id, id));
  return row;
}

/** The open party with this code, else the most recent one that had it (to say it ended). */
export async function findPartyByCode(code: string): Promise<Party | undefined> {
  const [row] = await db().select().from(parties).where(eq(parties.code, code)).orderBy(sql`${parties.endedAt} is not null`, desc(parties.createdAt)).limit(1);
  return row;
}

/** Locks the party row for the rest of `tx`. */
export async function lockParty(tx: Transaction, id: string): Promise<Party | undefined> {
  const [row] = await tx.select().from(parties).where(eq(parties.id, id)).for("update");
  return row;
}

export async function updateParty(tx: Transaction, id: string, values: Partial<typeof parties.$inferInsert>): Promise<Party> {
  const [row] = await tx.update(parties).set(values).where(eq(parties.id, id)).returning();
  return row;
}

/** The members present now, oldest first (the first is the next host when the host leaves). */
export function listMembers(partyId: string, executor: Executor = db()): Promise<MemberRow[]> {
  return executor
    .select({
      profileId: partyMembers.profileId,
      accountId: partyMembers.accountId,
      name: profiles.name,
      avatar: profiles.avatar,
      streamId: partyMembers.streamId,
      buffering: partyMembers.buffering,
      joinedAt: partyMembers.joinedAt,
    })
    .from(partyMembers)
    .innerJoin(profiles, eq(profiles.id, partyMembers.profileId))
    .where(and(eq(partyMembers.partyId, partyId), isNull(partyMembers.leftAt)))
    .orderBy(asc(partyMembers.joinedAt), asc(partyMembers.profileId));
}

/** Adds the member, or brings one who left back (with a new stream and join time). */
export async function upsertMember(tx: Transaction, values: { partyId: string; profileId: string; accountId: string; streamId: string | null }) {
  await tx
    .insert(partyMembers)
    .values(values)
    .onConflictDoUpdate({
      target: [partyMembers.partyId, partyMembers.profileId],
      set: { streamId: values.streamId, leftAt: null, buffering: false, joinedAt: sql`case when ${partyMembers.leftAt} is null then ${partyMembers.joinedAt} else now() end` },
    });
}

export async function markLeft(tx: Transaction, partyId: string, profileId: string): Promise<void> {
  await tx
    .update(partyMembers)
    .set({ leftAt: sql`now()`, buffering: false })
    .where(and(eq(partyMembers.partyId, partyId), eq(partyMembers.profileId, profileId), isNull(partyMembers.leftAt)));
}

export async function markAllLeft(tx: Transaction, partyId: string): Promise<void> {
  await tx.update(partyMembers).set({ leftAt: sql`now()`, buffering: false }).where(and(eq(partyMembers.partyId, partyId), isNull(partyMembers.leftAt)));
}

export async function setBuffering(tx: Transaction, partyId: string, profileId: string, buffering: boolean): Promise<void> {
  await tx
    .update(partyMembers)
    .set({ buffering })
    .where(and(eq(partyMembers.partyId, partyId), eq(partyMembers.profileId, profileId), isNull(partyMembers.leftAt)));
}

/** The open parties this account's profiles are in: the account's own members of `partyId`. */
export async function accountMembers(partyId: string, accountId: string): Promise<MemberRow[]> {
  return (await listMembers(partyId)).filter((member) => member.accountId === accountId);
}

export type MessageRow = { id: number; profileId: string; name: string; avatar: string; text: string; position: number; createdAt: Date };

const messageColumns = {
  id: partyMessages.id,
  profileId: partyMessages.profileId,
  name: profiles.name,
  avatar: profiles.avatar,
  text: partyMessages.text,
  position: partyMessages.position,
  createdAt: partyMessages.createdAt,
};

export async function insertMessage(tx: Transaction, values: { partyId: string; profileId: string; text: string; position: number }): Promise<MessageRow> {
  const [row] = await tx.insert(partyMessages).values(values).returning({ id: partyMessages.id });
  const [message] = await tx.select(messageColumns).from(partyMessages).innerJoin(profiles, eq(profiles.id, partyMessages.profileId)).where(eq(partyMessages.id, row.id));
  return message;
}

/** Newest first; `before` pages back from a message id. */
export async function listMessages(partyId: string, limit: number, offset: number, before?: number) {
  const where = and(eq(partyMessages.partyId, partyId), before === undefined ? undefined : lt(partyMessages.id, before));
  const [items, [{ total }]] = await Promise.all([
    db()
      .select(messageColumns)
      .from(partyMessages)
      .innerJoin(profiles, eq(profiles.id, partyMessages.profileId))
      .where(where)
      .orderBy(desc(partyMessages.id))
      .limit(limit)
      .offset(offset),
    db().select({ total: sql<number>`count(*)::int` }).from(partyMessages).where(where),
  ]);
  return { items, total };
}
