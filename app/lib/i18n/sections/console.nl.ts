// Texts of the organiser console (/organiseren).
export const consoleNl = {
  title: "Organiseren",
} as const;
