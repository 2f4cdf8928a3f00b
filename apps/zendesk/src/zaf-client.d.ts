// The part of the ZAF SDK (zendesk_app_framework_sdk, plain CommonJS without types) this app uses.
declare module 'zendesk_app_framework_sdk' {
  export interface ZafRequestOptions {
    url: string;
    type?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    contentType?: string;
    data?: string;
    dataType?: 'json' | 'text';
    headers?: Record<string, string>;
    secure?: boolean;
    cors?: boolean;
  }
  export interface ZafMetadata {
    appId: number;
    installationId: number;
    name: string;
    settings: Record<string, unknown>;
  }
  export interface ZafClient {
    on(event: string, handler: (data?: unknown) => unknown): void;
    get(path: string | string[]): Promise<Record<string, unknown>>;
    set(path: string, value: unknown): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<Record<string, unknown>>;
    request(options: ZafRequestOptions): Promise<unknown>;
    metadata(): Promise<ZafMetadata>;
  }
  const ZAFClient: { init(callback?: (context: unknown) => void): ZafClient | false };
  export default ZAFClient;
}
