// The form the table's checkboxes belong to (by the form attribute), shared by the table and the panel.
export const REMINDER_FORM_ID = 'payment-reminders';
