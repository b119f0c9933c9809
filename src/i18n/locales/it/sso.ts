/** Italian, exactly the English keys: strings of the single sign-on settings page (namespace `sso`). */
import type { Widen } from '../../widen.js';
import type { ssoEn } from '../en/sso.js';

export const ssoIt: Widen<typeof ssoEn> = {
  title: 'Accesso singolo (SSO)',
  intro:
    'Permetta alle persone di {{organization}} di accedere a {{brand}} con il vostro provider di identità (OpenID Connect: Okta, Entra ID, Keycloak, Google Workspace…). Gli accessi di un dominio passano al provider una volta verificato il dominio.',
  register: {
    title: 'Registri {{brand}} presso il provider',
    hint: 'Crei un’applicazione web (client confidenziale, flusso authorization code) con questi indirizzi:',
    redirectUri: 'URI di reindirizzamento dopo l’accesso',
    postLogoutUri: 'URI di reindirizzamento dopo l’uscita',
  },
  form: {
    title: 'Connessione',
    displayName: 'Nome del provider',
    displayNameHint: 'Come lo conoscono le vostre persone: compare nei rifiuti di accesso, ad es. «Okta».',
    issuer: 'URL dell’emittente (issuer)',
    issuerHint: 'https://…, l’indirizzo prima di /.well-known/openid-configuration',
    clientId: 'Client id',
    clientSecret: 'Client secret',
    clientSecretHint: 'Conservato cifrato e mai più mostrato. Lasci vuoto per mantenere quello attuale.',
    domains: 'Domini e-mail',
    domainsHint: 'Separati da virgole o spazi, ad es. acme.example, acme-group.example',
    enforced: 'Richiedi l’accesso singolo: rifiuta l’accesso con password e il recupero della password',
    invitationsRequired: 'Solo su invito: non creare account per persone nuove al primo accesso',
    defaultRole: 'Ruolo delle persone create al primo accesso',
    sessionMinutes: 'Durata massima di una sessione tramite il provider (minuti)',
    save: 'Salva la connessione',
    saved: 'La connessione è salvata.',
  },
  domains: {
    title: 'Domini',
    none: 'Ancora nessun dominio: li aggiunga alla connessione.',
    col: { domain: 'Dominio', status: 'Stato', record: 'Record DNS TXT', actions: 'Azioni' },
    verified: 'Verificato ({{how}})',
    how: { dns: 'DNS', operator: 'operatore' },
    waiting: 'In attesa di verifica',
    check: 'Controlli il DNS ora',
    checked: 'Il dominio {{domain}} è verificato: i suoi accessi passano ora al vostro provider.',
  },
};
