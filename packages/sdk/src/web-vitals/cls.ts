export interface LayoutShiftSample {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
}

/**
 * Cumulative Layout Shift as defined at https://web.dev/articles/cls (section "What is CLS?", and
 * https://web.dev/articles/evolving-cls): layout shifts are grouped into session windows; a window ends when
 * more than 1 s passes without a shift or when it has lasted 5 s. CLS is the largest window's total. Shifts
 * within 500 ms of user input (`hadRecentInput`) are expected by the user and excluded.
 */
export class ClsAccumulator {
  private windowTotal = 0;
  private windowStart = 0;
  private previousShift = 0;
  private largestWindow = 0;

  add(shift: LayoutShiftSample): void {
    if (shift.hadRecentInput) return;
    const continuesWindow =
      this.windowTotal > 0 &&
      shift.startTime - this.previousShift < 1000 &&
      shift.startTime - this.windowStart < 5000;
    if (continuesWindow) {
      this.windowTotal += shift.value;
    } else {
      this.windowTotal = shift.value;
      this.windowStart = shift.startTime;
    }
    this.previousShift = shift.startTime;
    this.largestWindow = Math.max(this.largestWindow, this.windowTotal);
  }

  get value(): number {
    return this.largestWindow;
  }
}
