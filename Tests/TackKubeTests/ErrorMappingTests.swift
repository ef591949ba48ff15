import TackBase
import TackHTTP
import TackJSON
import Testing

@testable import TackKube

@Suite struct ErrorMappingTests {
  struct Case: Sendable, CustomStringConvertible {
    var code: Int
    var reason: String
    var expected: StatusReason
    var exit: TackBase.ExitStatus
    var description: String { "\(code) \(reason)" }
  }

  static let cases: [Case] = [
    Case(code: 404, reason: "NotFound", expected: .notFound, exit: .notFound),
    Case(code: 409, reason: "AlreadyExists", expected: .alreadyExists, exit: .failure),
    Case(code: 409, reason: "Conflict", expected: .conflict, exit: .failure),
    Case(code: 403, reason: "Forbidden", expected: .forbidden, exit: .failure),
    Case(code: 401, reason: "Unauthorized", expected: .unauthorized, exit: .failure),
    Case(code: 422, reason: "Invalid", expected: .invalid, exit: .failure),
    Case(code: 429, reason: "TooManyRequests", expected: .tooManyRequests, exit: .failure),
    Case(code: 410, reason: "Gone", expected: .gone, exit: .failure),
    Case(code: 504, reason: "Timeout", expected: .timeout, exit: .failure),
    Case(code: 500, reason: "InternalError", expected: .internalError, exit: .failure),
    Case(code: 503, reason: "ServiceUnavailable", expected: .serviceUnavailable, exit: .failure),
  ]

  @Test(arguments: cases) func statusBodies(_ c: Case) {
    let body = HTTPResponse.status(c.code, reason: c.reason, message: "the message").body
    let error = KubeAPIError.from(statusCode: c.code, body: body, method: "GET", path: "/x")
    #expect(error.reason == c.expected)
    #expect(error.code == c.code)
    #expect(error.exitStatus == c.exit)
    #expect(error.description == "Error from server (\(c.reason)): the message")
  }

  @Test func kubectlStyleNotFound() {
    let body = HTTPResponse.status(
      404, reason: "NotFound", message: "kustomizations.kustomize.toolkit.fluxcd.io \"x\" not found"
    ).body
    let error = KubeAPIError.from(statusCode: 404, body: body, method: "GET", path: "/x")
    #expect(
      error.description
        == "Error from server (NotFound): kustomizations.kustomize.toolkit.fluxcd.io \"x\" not found")
  }

  @Test func invalidCarriesCauses() {
    let json: JSON = [
      "kind": "Status", "apiVersion": "v1", "status": "Failure", "code": 422, "reason": "Invalid",
      "message": "Kustomization.kustomize.toolkit.fluxcd.io \"x\" is invalid: spec.interval: Required value",
      "details": [
        "name": "x", "group": "kustomize.toolkit.fluxcd.io", "kind": "Kustomization",
        "causes": [["reason": "FieldValueRequired", "message": "Required value", "field": "spec.interval"]],
      ],
    ]
    let error = KubeAPIError.from(statusCode: 422, body: json.serializedBytes(), method: "PUT", path: "/x")
    #expect(error.reason == .invalid)
    #expect(error.status.details?.causes == [KubeStatus.Cause(reason: "FieldValueRequired", message: "Required value", field: "spec.interval")])
  }

  @Test func bodiesThatAreNotStatus() {
    let notFound = KubeAPIError.from(statusCode: 404, body: Array("404 page not found".utf8), method: "GET", path: "/nope")
    #expect(notFound.description == "Error from server (NotFound): the server could not find the requested resource")
    #expect(notFound.exitStatus == .notFound)
    let named = KubeAPIError.from(statusCode: 404, body: [], method: "GET", path: "/x", resource: "pods", name: "p")
    #expect(named.description == "Error from server (NotFound): pods \"p\" not found")
    let conflictOnCreate = KubeAPIError.from(statusCode: 409, body: [], method: "POST", path: "/x")
    #expect(conflictOnCreate.reason == .alreadyExists)
    let server = KubeAPIError.from(statusCode: 500, body: Array("boom\n".utf8), method: "GET", path: "/x")
    #expect(server.description == "Error from server (InternalError): an error on the server (\"boom\") has prevented the request from succeeding")
    let unknown = KubeAPIError.from(statusCode: 418, body: [], method: "GET", path: "/x")
    #expect(unknown.description.hasPrefix("Error from server: "))
  }

  @Test func transportErrors() {
    let timeout = KubeTransportError(kind: .timedOut, url: "https://h:1/x", detail: "deadline of 1s exceeded")
    #expect(timeout.exitStatus == .timedOut)
    #expect(timeout.description == "request to https://h:1/x timed out: deadline of 1s exceeded")
    let refused = KubeTransportError(kind: .connectionRefused, url: "https://h:1/x", detail: "", neverSent: true)
    #expect(refused.exitStatus == .failure)
    #expect(refused.description.hasPrefix("cannot connect to https://h:1/x"))
    #expect(KubeDiscoveryError.unknownResource("foo").exitStatus == .notFound)
    #expect(KubeDiscoveryError.unknownResource("foo").description == "the server doesn't have a resource type \"foo\"")
  }
}
