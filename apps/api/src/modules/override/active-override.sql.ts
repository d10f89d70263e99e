/**
 * The condition (on `staff_overrides`) of an override that counts for scoring on a day: approved by a second
 * staff member (`active`) and still in force (`until` is exclusive). One parameter: today's CST date. Shared by the
 * reads of override facts and by the preview's selection of residents with facts of their own, so the two agree.
 */
export const ACTIVE_OVERRIDE = "status = 'active' AND until > ?";
