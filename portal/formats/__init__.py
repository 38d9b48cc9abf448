"""The site's own date formats, where Django's differ from how the centre writes.

Danish keeps Django's ("15. februar 2021"). English reads the way a Danish centre
writes English, day before month and a 24-hour clock: "15 February 2021, 10:00".
"""
