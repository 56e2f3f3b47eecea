import type { Catalogue } from "../catalogue";

// English texts of Mijn account › Gegevens wijzigen; same keys as account-details.nl.ts.
export const accountDetailsEn: Catalogue["accountDetails"] = {
  title: "Change your details",
  link: "Change your details or password",
  detailsTitle: "Name, postcode and language",
  postcodeHint: "Moved house? Fill in your new postcode. You then see the rounds of your new neighbourhood.",
  postcodeVoted:
    "Have you voted already? Your vote keeps counting in the round where you voted. A new postcode does not give you a second vote. Is your new postcode outside that neighbourhood? Then you can no longer move your stickers there.",
  language: "Language of the site and of your emails",
  emailNote: "You cannot change your email address here.",
  saveDetails: "Save details",
  detailsSaved: "Your details have been saved.",
  passwordTitle: "Change password",
  currentPassword: "Your current password",
  newPassword: "New password",
  passwordLead: "After the change you are logged out on other devices.",
  savePassword: "Change password",
  passwordSaved: "Your password has been changed. You have been logged out on other devices.",
  wrongCurrent: "Your current password is not right.",
  throttled: "Too many wrong passwords. Try again in {minutes} minutes.",
};
