// Channels of this domain (see docs/ARCHITECTURE.md); filled in by its issue-8 work.
export const packetChannels = {} as const;
