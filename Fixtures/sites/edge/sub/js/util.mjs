// Module imported by main.mjs and announced by <link rel="modulepreload">: fetched once.
export function formatWait(minutes) {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export const clinicName = "Linden Health Centre";
