// The Socket.IO rooms events are addressed to. Kept apart from the server so the Next bundle
// (sign-out, deactivation) can name a room without loading Socket.IO.

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  /** The sockets of one sign-in (one browser), so signing out there leaves the user's other devices be. */
  session: (sessionId: string) => `session:${sessionId}`,
  dealer: (dealerId: number) => `dealer:${dealerId}`,
  role: (role: string) => `role:${role}`,
  claim: (claimNumber: string) => `claim:${claimNumber}`,
};
