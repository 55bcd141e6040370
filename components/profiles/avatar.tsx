import { avatarPicture } from "@/lib/profiles/avatars";

const sizes = { sm: "size-8 rounded", choice: "size-12 rounded-md", md: "size-20 rounded-md", lg: "size-28 rounded-lg sm:size-32 3xl:size-40" };
const pixels = { sm: 32, choice: 48, md: 80, lg: 160 };

/** A profile's picture (an earlier colour shows its picture). Decorative: the name is always shown next to it. */
export function ProfileAvatar({ avatar, size = "md", className = "" }: { avatar: string; size?: keyof typeof sizes; className?: string }) {
  const picture = avatarPicture(avatar);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a small SVG, the same file everywhere (cached)
    <img
      src={`/avatars/${picture}.svg`}
      alt=""
      width={pixels[size]}
      height={pixels[size]}
      data-avatar={picture}
      className={`inline-block shrink-0 bg-surface-raised ${sizes[size]} ${className}`}
    />
  );
}
