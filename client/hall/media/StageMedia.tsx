/** The stage's sound and camera for this member (publish when live or on stage, listen otherwise); to be filled in. */
export function StageMedia() {
  return null;
}
