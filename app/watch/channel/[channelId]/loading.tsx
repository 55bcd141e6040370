export { WatchLoading as default } from "../../watch-loading";
