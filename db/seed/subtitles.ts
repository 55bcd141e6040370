// Subtitle tracks for the demo video. Every title shares one generated clip, so the lines are a narrator's
// generic voice-over; English and Spanish say the same thing, so switching tracks visibly changes only the language.

const lines: { en: string; es: string }[] = [
  { en: "[English subtitles]", es: "[Subtítulos en español]" },
  { en: "[Soft music plays]", es: "[Suena una música suave]" },
  { en: "Every story starts somewhere quiet.", es: "Toda historia empieza en un lugar tranquilo." },
  { en: "This one starts with a single light in the dark.", es: "Esta empieza con una sola luz en la oscuridad." },
  { en: "Nobody noticed it at first.", es: "Al principio, nadie se dio cuenta." },
  { en: "Then, one by one, they all began to look up.", es: "Después, uno a uno, todos empezaron a mirar hacia arriba." },
  { en: "[Wind howling]", es: "[Aúlla el viento]" },
  { en: "Some said it was a warning.", es: "Algunos decían que era una advertencia." },
  { en: "Others said it was an invitation.", es: "Otros decían que era una invitación." },
  { en: "Either way, nothing would be the same again.", es: "En cualquier caso, nada volvería a ser igual." },
  { en: "[Footsteps approaching]", es: "[Pasos que se acercan]" },
  { en: "Are you sure about this?", es: "¿Estás seguro de esto?" },
  { en: "No. But we're going anyway.", es: "No. Pero vamos de todos modos." },
  { en: "[Door creaks open]", es: "[Una puerta se abre chirriando]" },
  { en: "The road ahead was longer than anyone had promised.", es: "El camino era más largo de lo que nadie había prometido." },
  { en: "And far stranger.", es: "Y mucho más extraño." },
  { en: "[Thunder rumbles in the distance]", es: "[Truena a lo lejos]" },
  { en: "Keep going. Don't look back.", es: "Sigue adelante. No mires atrás." },
  { en: "By morning, the light had moved.", es: "Al amanecer, la luz se había movido." },
  { en: "It was waiting for them.", es: "Los estaba esperando." },
  { en: "[Music swells]", es: "[La música crece]" },
  { en: "To be continued…", es: "Continuará…" },
];

const CUE_SECONDS = 4;

function timestamp(totalSeconds: number): string {
  const ms = Math.round(totalSeconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** A WebVTT track with a cue every four seconds from 00:00:01 to the end of the video; the lines repeat as needed. */
export function demoSubtitlesVtt(language: "en" | "es", durationSeconds: number): string {
  const duration = Number.isFinite(durationSeconds) ? Math.max(0, durationSeconds) : 0;
  const cues: string[] = [];
  // A clip shorter than the first cue's start still gets one cue from the beginning.
  let start = duration > 1 ? 1 : 0;
  for (let index = 0; start + 0.05 < duration; index++, start += CUE_SECONDS) {
    // Cues leave a short breath between them; the last one runs to the very end.
    const end = start + CUE_SECONDS >= duration ? duration : start + CUE_SECONDS - 0.5;
    cues.push(`${index + 1}\n${timestamp(start)} --> ${timestamp(end)}\n${lines[index % lines.length][language]}`);
  }
  return `WEBVTT\n\n${cues.join("\n\n")}${cues.length ? "\n" : ""}`;
}
