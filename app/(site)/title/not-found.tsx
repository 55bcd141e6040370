import { NotFoundMessage } from "@/components/site/not-found-message";

export default function TitleNotFound() {
  return <NotFoundMessage heading="Title not found">This title does not exist, was removed, or is not available on this profile.</NotFoundMessage>;
}
