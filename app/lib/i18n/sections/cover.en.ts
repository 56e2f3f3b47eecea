import type { Catalogue } from "../catalogue";

export const coverEn: Catalogue["cover"] = {
  title: "Cover picture",
  where: "The picture shows at the top of the round's page, on its card in the list of rounds and with a shared link.",
  altHint: "For people who cannot see the picture. For example: Children play on the lawn by the pond.",
  current: "Chosen now",
  remove: "Remove picture",
  removed: "The picture has been removed.",
};
