// Module script: sets an attribute only, so the DOM element count stays what the HTML says.
import { formatWait, clinicName } from "./util.mjs";

document.documentElement.dataset.wait = formatWait(12);
document.documentElement.dataset.clinic = clinicName;
