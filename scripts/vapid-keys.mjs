#!/usr/bin/env node
// Prints a fresh Web Push (VAPID) key pair as environment lines for the portal's configuration:
//   node scripts/vapid-keys.mjs >> .env
// Keep the pair: a new one ends every device's push subscription (people turn push on again).
import webPush from 'web-push';

const { publicKey, privateKey } = webPush.generateVAPIDKeys();
console.log(`VAPID_PUBLIC_KEY=${publicKey}`);
console.log(`VAPID_PRIVATE_KEY=${privateKey}`);
