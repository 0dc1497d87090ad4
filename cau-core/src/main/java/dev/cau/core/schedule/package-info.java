/**
 * Self-updating schedules with CAU's parameters: {@code StartDate}, {@code DaysOfWeek},
 * {@code WeeksOfMonth}, {@code IntervalWeeks} and {@code RunOnce}. {@link
 * dev.cau.core.schedule.UpdateSchedule} computes the next trigger after an instant the caller
 * passes in; it reads no clock and does no I/O, and it neither knows nor checks whether the
 * clustered role is enabled, which the caller decides before acting on a trigger.
 */
@NullMarked
package dev.cau.core.schedule;

import org.jspecify.annotations.NullMarked;
