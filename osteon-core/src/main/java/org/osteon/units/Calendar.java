package org.osteon.units;

/**
 * Lengths of the calendar units {@code month} and {@code year}, in days. A month is 30.4375 days
 * (a Julian year of 365.25 days over 12) unless a scenario says otherwise; trial data digitised by
 * OpenBoneMin, for example, count 28-day months.
 */
public record Calendar(double monthDays, double yearDays) {
    public static final double DEFAULT_MONTH_DAYS = 365.25 / 12;
    public static final double DEFAULT_YEAR_DAYS = 365.25;
    public static final Calendar DEFAULT = new Calendar(DEFAULT_MONTH_DAYS, DEFAULT_YEAR_DAYS);

    public Calendar {
        if (!(monthDays > 0) || !(yearDays > 0) || Double.isInfinite(monthDays) || Double.isInfinite(yearDays)) {
            throw new IllegalArgumentException("month and year must be positive finite numbers of days (month "
                    + monthDays + ", year " + yearDays + ")");
        }
    }

    public Calendar withMonthDays(double days) {
        return new Calendar(days, yearDays);
    }

    public Calendar withYearDays(double days) {
        return new Calendar(monthDays, days);
    }

    /** "month = 30.4375 d, year = 365.25 d", for reports. */
    public String describe() {
        return "month = " + Units.format(monthDays) + " d, year = " + Units.format(yearDays) + " d";
    }
}
