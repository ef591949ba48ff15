import Foundation
import Testing
import TackJSON
@testable import TackTestSupport

/// Paged lists read one snapshot (the first page's resourceVersion), as etcd serves them, and
/// continue tokens look and fail like kube-apiserver's.
@Suite struct ListConsistencyTests {
  func store(historyLimit: Int = 1_000) throws -> (ObjectStore, ResourceType) {
    let store = ObjectStore(historyLimit: historyLimit)
    try store.ensureNamespace("pages")
    for i in 0..<30 { try store.create(configMap(String(format: "cm-%02d", i), namespace: "pages")) }
    return (store, try store.resourceType(apiVersion: "v1", kind: "ConfigMap"))
  }

  func names(_ page: ListPage) -> [String] {
    page.items.compactMap { $0.object[path: "metadata", "name"]?.stringValue }
  }

  @Test func laterPagesReadTheFirstPagesRevision() throws {
    let (store, type) = try store()
    let first = try store.list(type, namespace: "pages", options: ListOptions(limit: 10))
    #expect(names(first) == (0..<10).map { String(format: "cm-%02d", $0) })
    let revision = first.revision
    // Writes between pages: one created after the cursor, one deleted and one changed ahead of it.
    try store.create(configMap("cm-15a", namespace: "pages"))
    try store.delete(apiVersion: "v1", kind: "ConfigMap", namespace: "pages", name: "cm-20")
    var changed = try store.get(apiVersion: "v1", kind: "ConfigMap", namespace: "pages", name: "cm-25")
    changed["data"] = ["key": "changed"]
    try store.update(changed)
    var seen = names(first)
    var token = first.continueToken
    var remaining = first.remainingItemCount
    #expect(remaining == 20)
    while let current = token {
      let page = try store.list(type, namespace: "pages", options: ListOptions(limit: 10, continueToken: current))
      #expect(page.revision == revision)
      if let remaining { #expect(remaining == 30 - seen.count) }
      seen += names(page)
      for item in page.items where item.object[path: "metadata", "name"] == "cm-25" {
        #expect(item.object["data"] == ["key": "value"])
        #expect(item.revision <= revision)
      }
      token = page.continueToken
      remaining = page.remainingItemCount
    }
    #expect(seen == (0..<30).map { String(format: "cm-%02d", $0) })
    // A fresh list sees the writes.
    let fresh = try store.list(type, namespace: "pages", options: ListOptions())
    #expect(names(fresh).contains("cm-15a"))
    #expect(!names(fresh).contains("cm-20"))
    #expect(fresh.revision > revision)
  }

  @Test func exactReadsServeAnOlderRevision() throws {
    let (store, type) = try store()
    let revision = store.resourceVersion
    try store.delete(apiVersion: "v1", kind: "ConfigMap", namespace: "pages", name: "cm-03")
    let exact = try store.list(type, namespace: "pages",
      options: ListOptions(resourceVersion: String(revision), resourceVersionMatch: "Exact"))
    #expect(exact.items.count == 30)
    #expect(exact.revision == revision)
    let notOlder = try store.list(type, namespace: "pages",
      options: ListOptions(resourceVersion: String(revision), resourceVersionMatch: "NotOlderThan"))
    #expect(notOlder.items.count == 29)
    // A paged list at a resourceVersion without a match is the legacy exact read.
    let legacy = try store.list(type, namespace: "pages", options: ListOptions(limit: 5, resourceVersion: String(revision)))
    #expect(legacy.revision == revision)
    #expect(legacy.remainingItemCount == 25)
  }

  @Test func continueTokensAreURLSafeAndShapedLikeTheRealOnes() throws {
    let (store, type) = try store()
    let page = try store.list(type, namespace: "pages", options: ListOptions(limit: 7))
    let token = try #require(page.continueToken)
    #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
    var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    let json = try JSON.parse(Array(try #require(Data(base64Encoded: base64))))
    #expect(json["v"] == "meta.k8s.io/v1")
    #expect(json["rv"] == .int(Int(page.revision)))
    #expect(json["start"] == "pages/cm-06\u{0}")
  }

  @Test func badTokensAnswer400WithTheRealWording() throws {
    let (store, type) = try store()
    func failure(_ options: ListOptions) -> APIError? {
      do throws(APIError) {
        _ = try store.list(type, namespace: "pages", options: options)
        return nil
      } catch { return error }
    }
    let garbage = failure(ListOptions(continueToken: "!!!"))
    #expect(garbage?.code == 400)
    #expect(garbage?.message == "invalid continue token: continue key is not valid: illegal base64 data at input byte 0")
    let zero = ContinueToken(revision: 0, start: "pages/cm-01\u{0}").encoded
    #expect(failure(ListOptions(continueToken: zero))?.message
      == "invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
    let token = try #require(try store.list(type, namespace: "pages", options: ListOptions(limit: 3)).continueToken)
    let withRV = failure(ListOptions(continueToken: token, resourceVersion: "5"))
    #expect(withRV?.code == 400)
    #expect(withRV?.message == "specifying resource version is not allowed when using continue")
    let withMatch = failure(ListOptions(continueToken: token, resourceVersion: "5", resourceVersionMatch: "Exact"))
    #expect(withMatch?.code == 422)
    #expect(withMatch?.message
      == "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided")
    let matchOnly = failure(ListOptions(resourceVersionMatch: "NotOlderThan"))
    #expect(matchOnly?.code == 422)
  }

  @Test func anExpiredTokenAnswers410WithAnInconsistentContinuation() throws {
    let (store, type) = try store(historyLimit: 5)
    let first = try store.list(type, namespace: "pages", options: ListOptions(limit: 10))
    let token = try #require(first.continueToken)
    for i in 0..<6 { try store.create(configMap("new-\(i)", namespace: "pages")) }  // past the history
    do throws(APIError) {
      _ = try store.list(type, namespace: "pages", options: ListOptions(limit: 10, continueToken: token))
      Issue.record("an expired continue token was served")
    } catch {
      #expect(error.code == 410)
      #expect(error.reason == "Expired")
      #expect(error.message.hasPrefix("The provided continue parameter is too old to display a consistent list result."))
      let fresh = try #require(error.status[path: "metadata", "continue"]?.stringValue)
      // The offered token reads the rest at the latest revision, new objects included.
      let rest = try store.list(type, namespace: "pages", options: ListOptions(continueToken: fresh))
      #expect(rest.revision == store.resourceVersion)
      #expect(names(rest).first == "cm-10")
      #expect(names(rest).contains("new-5"))
    }
  }
}
