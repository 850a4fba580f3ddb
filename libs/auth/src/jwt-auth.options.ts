export abstract class JwtAuthOptions {
  abstract secret: string;
  abstract issuer: string;
}
