/**
 * French (français). "Importer" for upload, as French desktop and web software says it; "vous";
 * a no-break space before the colon, as French typography wants.
 * @example import { fr } from 'filedock/locales/fr'; <FilesProvider labels={fr}>
 */
import { clipName, formatCount, formatList, plural, sizeAndLimit } from '../components/format.js';
import type { Locale } from '../components/labels.js';

const locale = 'fr';
const n = (count: number) => formatCount(locale, count);
const TYPES: Record<string, string> = { 'plain text': 'texte brut' };
const types = (labels: readonly string[]) =>
  formatList(
    locale,
    labels.map((t) => TYPES[t] ?? t),
  );

export const fr = {
  locale,
  timeZone: undefined,
  dir: 'ltr',
  dropzone: {
    label: 'Importer des fichiers',
    input: 'Choisir des fichiers à importer',
    idle: 'Glissez des fichiers ici ou cliquez pour parcourir',
    accept: 'Déposez pour importer',
    reject: 'Certains de ces fichiers ne peuvent pas être importés ici',
    disabled: 'L’importation est désactivée',
    help: ({ types: t, maxSize }) =>
      t.length === 0 ? `Tout type de fichier jusqu’à ${maxSize}` : `${types(t)} jusqu’à ${maxSize}`,
  },
  uploader: {
    list: 'Importations',
    empty: 'Aucune importation pour le moment',
    totalProgress: 'Progression globale',
    totalSummary: ({ done, count, percent }) =>
      `Terminés\u00a0: ${n(done)} sur ${plural(locale, count, { one: '# fichier', many: '# de fichiers', other: '# fichiers' })} · ${percent}`,
  },
  item: {
    progress: (name) => `Importation de ${name}`,
    progressText: ({ percent, loaded, total }) => `${percent} (${loaded} sur ${total})`,
    speed: ({ speed, eta }) => (eta ? `${speed} · encore ${eta}` : speed),
    storedAs: (stored) => `enregistré sous ${stored}`,
    cancel: (name) => `Annuler l’importation de ${name}`,
    retry: (name) => `Réessayer l’importation de ${name}`,
    remove: (name) => `Retirer ${name}`,
    // The reasons filedock gives name the file: no need to say it twice.
    rejected: (name, reasons) =>
      name !== '' && reasons.includes(name)
        ? reasons
        : `${name} n’a pas été ajouté\u00a0: ${reasons}`,
    chooseAgain: (name) => `Choisir à nouveau ${name}`,
    resume: (name) => `Reprendre l’importation de ${name}`,
    interrupted: (name, reason) =>
      ({
        'choose-again': `La page a été rechargée pendant l’importation de ${name}. Choisissez à nouveau le fichier pour continuer.`,
        permission: `La page a été rechargée pendant l’importation de ${name}. Reprenez l’importation pour continuer.`,
        unreachable: `L’importation de ${name} a été interrompue et le serveur est injoignable.`,
        elsewhere: `${name} est en cours d’importation dans un autre onglet.`,
      })[reason],
  },
  announce: {
    completed: (name) => `${name} importé.`,
    failed: (name, reason) => `Échec de l’importation de ${name}\u00a0: ${reason}`,
  },
  phase: {
    queued: 'En attente',
    hashing: 'Vérification',
    creating: 'Démarrage',
    uploading: 'Importation',
    completing: 'Finalisation',
    completed: 'Importé',
    failed: 'Échec',
    cancelled: 'Annulé',
    rejected: 'Non ajouté',
    interrupted: 'Interrompu',
  },
  status: {
    PENDING: 'En attente',
    COMPLETED: 'Terminé',
    CANCELLED: 'Annulé',
    EXPIRED: 'Expiré',
    FAILED: 'Échec',
  },
  errors: {
    'file-invalid-type': ({ params: p }) =>
      p?.fileName === undefined || !p.types?.length
        ? 'Ce type de fichier n’est pas accepté ici.'
        : `Le type de ${p.fileName} n’est pas accepté ici. Il doit être au format ${types(p.types)}.`,
    'file-too-large': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.maxSize === undefined)
        return 'Le fichier dépasse la taille maximale.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.maxSize);
      return size === undefined
        ? `${p.fileName} dépasse la limite de ${limit}.`
        : `${p.fileName} fait ${size}, au-delà de la limite de ${limit}.`;
    },
    'file-too-small': ({ params: p }) => {
      if (p?.fileName === undefined || p.size === undefined || p.minSize === undefined)
        return 'Le fichier est vide ou trop petit.';
      const { size, limit } = sizeAndLimit(locale, p.size, p.minSize);
      if (p.size === 0)
        return p.minSize <= 1
          ? `${p.fileName} est vide.`
          : `${p.fileName} est vide, alors que le minimum est de ${limit}.`;
      return size === undefined
        ? `${p.fileName} n’atteint pas le minimum de ${limit}.`
        : `${p.fileName} fait ${size}, en deçà du minimum de ${limit}.`;
    },
    'filename-invalid': ({ params: p }) => {
      if (p?.reason === undefined) return 'Le nom du fichier n’est pas valide.';
      if (p.reason !== 'too-long')
        return {
          empty: 'Le nom du fichier ne peut pas être vide.',
          'control-characters': 'Le nom du fichier contient des caractères de contrôle.',
          'path-separator':
            'Le nom du fichier ne peut pas contenir de séparateur de chemin (/ ou \\).',
          reserved: '«\u00a0.\u00a0» et «\u00a0..\u00a0» ne sont pas des noms de fichier valides.',
        }[p.reason];
      return p.fileName === undefined || p.maxLength === undefined
        ? 'Le nom du fichier n’est pas valide.'
        : `Le nom de ${clipName(p.fileName)} dépasse ${plural(locale, p.maxLength, { one: '# caractère', many: '# de caractères', other: '# caractères' })}.`;
    },
    'too-many-files': ({ params: p }) =>
      p?.fileName === undefined || p.maxFiles === undefined
        ? 'Trop de fichiers sélectionnés à la fois.'
        : `Vous pouvez ajouter au maximum ${plural(locale, p.maxFiles, { one: '# fichier', many: '# de fichiers', other: '# fichiers' })} à la fois. ${p.fileName} n’a pas été ajouté.`,
    network: 'La connexion a été perdue.',
    timeout: 'Le serveur a mis trop de temps à répondre.',
    'rate-limited': 'Trop d’importations simultanées. Réessayez dans un instant.',
    'storage-rejected': 'Le stockage a refusé l’importation.',
    'upload-expired': 'La session d’importation a expiré.',
    'checksum-mismatch': 'Le fichier est arrivé endommagé (somme de contrôle incorrecte).',
    'invalid-response': 'Le serveur a envoyé une réponse illisible.',
    aborted: 'L’importation a été interrompue.',
    bad_request: 'Le serveur a refusé la requête.',
    unauthorized: 'Vous n’êtes pas connecté.',
    forbidden: 'Vous n’êtes pas autorisé à importer des fichiers ici.',
    not_found: 'Le fichier n’existe plus.',
    conflict: 'Un fichier portant ce nom existe déjà.',
    unsupported_media_type: 'Le serveur n’accepte pas ce type de fichier.',
    unprocessable_content: 'Le serveur n’a pas pu traiter le fichier.',
    internal_server_error: 'Le serveur a rencontré un problème.',
    service_unavailable: 'Le service est momentanément indisponible.',
    gateway_timeout: 'Le service n’a pas répondu à temps.',
    'file-mismatch':
      'Le fichier choisi n’est pas celui dont l’importation a été interrompue. Rien n’a été importé.',
  },
  errorFallback: ({ code }) => `Une erreur inattendue s’est produite (${code}).`,
  list: {
    caption: 'Fichiers',
    name: 'Nom',
    size: 'Taille',
    created: 'Créé le',
    status: 'Statut',
    actions: 'Actions',
    missing: '—',
    missingText: 'Inconnu',
    download: (name) => `Télécharger ${name}`,
    delete: (name) => `Supprimer ${name}`,
    confirmDelete: (name) => `Oui, supprimer ${name}`,
    confirmDeleteText: 'Supprimer',
    keep: (name) => `Conserver ${name}`,
    keepText: 'Conserver',
    deleting: (name) => `Suppression de ${name}…`,
    deleteFailed: (name, reason) => `${name} n’a pas pu être supprimé. ${reason}`,
    deleted: (name) => `${name} supprimé.`,
    loading: 'Chargement des fichiers…',
    empty: 'Aucun fichier pour le moment',
    error: (reason) => `Impossible de charger les fichiers. ${reason}`,
    retry: 'Réessayer',
    previous: 'Page précédente',
    next: 'Page suivante',
    pagination: 'Pagination',
    pageOf: (page, pageCount) =>
      pageCount === undefined ? `Page ${page}` : `Page ${page} sur ${pageCount}`,
  },
} satisfies Locale;
