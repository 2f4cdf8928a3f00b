/**
 * Words that announce a secret in the next few words, per language we support (en, es, fr, de, pt,
 * it, nl). Data, not logic: a new language is new entries here. Matched case-insensitively as whole
 * words; spaces inside an entry match any run of spaces.
 */
export const SECRET_CONTEXT = {
  /** Followed by a password: any token, unless it is one of NOT_A_VALUE. */
  password: [
    'password', 'passwd', 'pwd', 'passphrase', 'pw',
    'contraseña', 'contrasena', 'clave',
    'mot de passe', 'mdp',
    'passwort', 'kennwort',
    'senha',
    'parola d\'ordine',
    'wachtwoord',
  ],
  /** Followed by a code of digits (a PIN, a one-time or verification code). */
  code: [
    'pin', 'otp', 'passcode', 'one-time code', 'one time code', 'one-time password', 'verification code',
    'security code', 'confirmation code', 'login code', 'sign-in code', 'auth code', 'authentication code',
    '2fa code', '2fa', 'mfa code', 'sms code', 'cvv', 'cvc', 'code',
    'código', 'codigo', 'código de verificación', 'code de vérification', 'code de sécurité',
    'bestätigungscode', 'sicherheitscode', 'codice', 'codice di verifica', 'verificatiecode',
  ],
  /** Followed by an API key, token or other credential (12 or more characters, not a plain word). */
  credential: [
    'api key', 'api-key', 'apikey', 'api_key', 'access key', 'secret key', 'secret', 'client secret',
    'token', 'access token', 'auth token', 'bearer', 'private key', 'license key', 'licence key',
    'clé api', 'clave api', 'chiave api', 'api-schlüssel',
  ],
  /** Followed by a government id (letters and digits). */
  governmentId: [
    'ssn', 'social security number', 'social security no', 'social security', 'national insurance number',
    'national insurance', 'ni number', 'nino', 'passport number', 'passport no', 'passport',
    'driver\'s license number', 'driver\'s licence number', 'driving licence number', 'driver license',
    'national id', 'id number', 'tax id', 'tin', 'itin', 'sin',
    'dni', 'nie', 'nif', 'cpf', 'rg', 'numéro de sécurité sociale', 'sozialversicherungsnummer',
    'personalausweisnummer', 'steuer-id', 'codice fiscale', 'bsn', 'burgerservicenummer',
  ],
} as const;

/**
 * Words that may stand between the context word and the value ("my password **is** …", "PIN **was**
 * …", "code **:** …").
 */
export const LINKING_WORDS = [
  'is', 'was', 'are', 'were', 'it\'s', 'its', 'be', 'would be', 'should be', 'number', 'no', 'no.', 'nr', 'num',
  'es', 'era', 'est', 'était', 'ist', 'war', 'é', 'era', 'è', 'was', 'is nu', 'now', 'still', 'new', 'old',
  'set to', 'changed to', 'to',
];

/**
 * Words that follow "password is" without being a password ("my password is not working"). A
 * lowercase word of letters on this list is left in place; anything else is redacted.
 */
export const NOT_A_VALUE = [
  'not', 'wrong', 'incorrect', 'correct', 'right', 'invalid', 'valid', 'expired', 'reset', 'changed',
  'locked', 'blocked', 'rejected', 'accepted', 'required', 'missing', 'lost', 'forgotten', 'forgot',
  'working', 'broken', 'weak', 'strong', 'too', 'the', 'a', 'an', 'my', 'your', 'our', 'their', 'same',
  'still', 'now', 'also', 'just', 'really', 'definitely', 'never', 'always', 'being', 'been', 'fine',
  'ok', 'okay', 'that', 'this', 'it', 'what', 'which', 'in', 'on', 'for', 'to', 'and', 'or', 'but', 'so',
  'no', 'yes', 'saved', 'sent', 'new', 'old', 'case', 'manager', 'field', 'reset', 'link', 'email',
  'change', 'recovery', 'requirements', 'policy', 'please', 'again', 'here', 'there', 'because', 'when',
  'if', 'with', 'of', 'at', 'by', 'from', 'i', 'you', 'we', 'they', 'he', 'she', 'is', 'was', 'has',
  'have', 'had', 'does', 'did', 'doesn\'t', 'didn\'t', 'isn\'t', 'wasn\'t', 'won\'t', 'can\'t',
  'no', 'incorrecta', 'incorrecto', 'correcta', 'faux', 'falsch', 'errada', 'sbagliata', 'fout',
];

/**
 * Words before "code"/"number" that make it something other than a secret ("postal code 90210",
 * "error code 1603", "order number …").
 */
export const NOT_SECRET_QUALIFIERS = [
  'zip', 'postal', 'post', 'postcode', 'area', 'country', 'error', 'status', 'http', 'discount', 'promo',
  'promotional', 'coupon', 'voucher', 'gift', 'referral', 'tracking', 'order', 'product', 'item', 'sku',
  'reference', 'ref', 'invoice', 'booking', 'exit', 'source', 'bar', 'qr', 'dress', 'colour', 'color',
  'postal', 'descuento', 'promoción', 'código postal', 'code postal', 'postleitzahl', 'rabatt',
];
