package org.mpm.device.openpaygo;

/**
 * The kinds of OpenPAYGO Token (spec v2.3, "Code Values Table" and "Description of the Add Time and
 * Set Time").
 *
 * <p>The type is not written into the token itself: ADD_TIME tokens use even counts, all other types
 * odd counts, and DISABLE_PAYG / COUNTER_SYNC are told apart from SET_TIME by their reserved values.
 */
public enum OpenPaygoTokenType {
  /** Adds the value (days divided by the time divider) to the remaining time; even count. */
  ADD_TIME,
  /** Sets the remaining time to the value; odd count. */
  SET_TIME,
  /** Switches PAYG off (device unlocked for good); odd count, reserved value 998. */
  DISABLE_PAYG,
  /** Resynchronises the device count with the server; odd count, reserved value 999. */
  COUNTER_SYNC;

  /** Whether tokens of this type carry a caller-supplied value. */
  public boolean carriesValue() {
    return this == ADD_TIME || this == SET_TIME;
  }
}
