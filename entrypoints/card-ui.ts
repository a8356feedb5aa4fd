import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerCardUi, registeredCardUi } from '../src/page/card-api';
import { createCardUi } from '../src/ui/card/mount';

// Injected by the background into a frame when its first card opens (see content-app.ts).
export default defineUnlistedScript(() => {
  if (!registeredCardUi()) registerCardUi(createCardUi());
});
