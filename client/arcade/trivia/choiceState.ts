/** How a choice is drawn: our pick, and after the window the right one and whether ours was wrong. */
export type ChoiceState = 'idle' | 'picked' | 'right' | 'wrong';

/** `correct` is -1 while the window is open (the server reveals it only afterwards). */
export function choiceState(index: number, picked: number | null, correct: number): ChoiceState {
  if (correct >= 0) {
    if (index === correct) return 'right';
    return index === picked ? 'wrong' : 'idle';
  }
  return index === picked ? 'picked' : 'idle';
}
