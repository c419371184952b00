// Wagtail's date picker (jQuery datetimepicker) "corrected" a date or time it could not read as soon
// as the field lost focus, with no word: 30 February became 2 March, an impossible date today's,
// 25:00 some other time, and autosave could store it. Every picker of the admin (page and snippet
// fields, the schedule dialog, dates inside StreamFields) now keeps the text as typed, and the form
// says what is wrong in the editor's language ("Masukkan tanggal/waktu yang valid.").
if (window.jQuery && jQuery.fn.datetimepicker) {
  jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
}
