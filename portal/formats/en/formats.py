# "28 February 2015", "15:30": day-month order and a 24-hour clock, as used in Indonesia.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
