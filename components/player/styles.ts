/** A round icon button on the control bar. */
export const controlButton = "flex size-10 shrink-0 items-center justify-center rounded-full text-white/90 transition hover:scale-110 hover:text-white sm:size-11";
