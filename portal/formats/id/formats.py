# "28 Februari 2015", "15.30": full month names, 24-hour clock as Indonesians write it.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H.i"
DATETIME_FORMAT = "j F Y, H.i"
SHORT_DATE_FORMAT = "d/m/Y"
