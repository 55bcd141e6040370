import type { PartyState } from "./sync";

// The party as the API shows it (app/api/parties/schema.ts), as much as the site uses.
export type PartyMember = { member_id: string; profile: string; avatar: string; is_host: boolean; buffering: boolean; joined_at: string };

export type PartyInfo = {
  id: string;
  code: string;
  invite_url: string;
  host: PartyMember | null;
  members: PartyMember[];
  you: string | null;
  max_members: number;
  wait_for_everyone: boolean;
  state: PartyState;
};

export type ChatMessage = { id: number; member_id: string; profile: string; avatar: string; text: string; position: number; created_at: string };

export type Reaction = { key: number; emoji: string; profile: string; left: number };
