/** The API's error `type` for each HTTP status it documents (API contract §1, "Errors"). */
export const ERROR_TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  415: 'unsupported_media_type',
  422: 'unprocessable_content',
  429: 'too_many_requests',
  500: 'internal_server_error',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};
