/** The stage's controls in the hall HUD (going live, hands, invitations); filled in by the stage UI work. */
export function StageControls() {
  return null;
}
