export * from "./accounts";
export * from "./catalog";
export * from "./media";
export * from "./profiles";
export * from "./lists";
export * from "./playback";
export * from "./billing";
export * from "./admin";
