import type { Avatar } from "@/lib/profiles/avatars";

// The eight avatar colours a profile can choose from (lib/profiles AVATARS), as gradients that keep the white face
// readable.
export const AVATAR_STYLES: Record<Avatar, { label: string; className: string }> = {
  red: { label: "Red", className: "from-red-500 to-red-800" },
  blue: { label: "Blue", className: "from-sky-500 to-blue-800" },
  green: { label: "Green", className: "from-emerald-500 to-green-800" },
  yellow: { label: "Yellow", className: "from-amber-400 to-yellow-700" },
  purple: { label: "Purple", className: "from-violet-500 to-purple-800" },
  teal: { label: "Teal", className: "from-teal-400 to-cyan-800" },
  orange: { label: "Orange", className: "from-orange-400 to-orange-700" },
  pink: { label: "Pink", className: "from-pink-400 to-fuchsia-800" },
};

const sizes = { sm: "size-8 rounded", choice: "size-12 rounded-md", md: "size-20 rounded-md", lg: "size-28 rounded-lg sm:size-32 3xl:size-40" };

/** A profile's picture: its colour with a simple face. Decorative: the name is always shown next to it. */
export function ProfileAvatar({ avatar, size = "md", className = "" }: { avatar: string; size?: keyof typeof sizes; className?: string }) {
  const style = AVATAR_STYLES[avatar as Avatar] ?? AVATAR_STYLES.red;
  return (
    <span aria-hidden="true" className={`inline-grid shrink-0 place-items-center bg-gradient-to-br ${style.className} ${sizes[size]} ${className}`}>
      <svg viewBox="0 0 40 40" className="size-3/4 text-white/95" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
        <circle cx="13" cy="16" r="2" fill="currentColor" stroke="none" />
        <circle cx="27" cy="16" r="2" fill="currentColor" stroke="none" />
        <path d="M11 25c5 5 13 5 18 0" />
      </svg>
    </span>
  );
}
