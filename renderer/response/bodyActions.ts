// The response body main keeps: read a part of it (the viewer reads a body as it arrives), save it where the user
// picks, open an over-limit one's temp file in the OS's app.
import { api } from '../api';

export const readBodyPart = (requestId: string, offset: number, maxBytes: number) => api!.readBody(requestId, offset, maxBytes);
export const saveBody = (requestId: string) => api!.saveBody(requestId);
export const openBody = (requestId: string) => api!.openBody(requestId);
