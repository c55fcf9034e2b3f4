import Foundation
import GSLKit
import Testing
@testable import Parzen

@Suite struct TrialsTests {
    func sampleTrials() -> Trials {
        var trials = Trials()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000.125)
        trials.append(Trial(id: 0, assignment: ["classifier_type": 1, "C": 2.5, "kernel": 0, "gamma": 3], status: .ok, loss: 0.4,
                            extras: ["accuracy": 0.6], startTime: t0, endTime: t0.addingTimeInterval(1.5)))
        trials.append(Trial(id: 1, assignment: ["classifier_type": 0, "alpha": 0.7], status: .fail, message: "diverged",
                            startTime: t0, endTime: t0))
        trials.append(Trial(id: 2, assignment: ["classifier_type": 3, "knn_n_neighbors": 4], status: .ok, loss: 0.1,
                            startTime: t0, endTime: t0))
        trials.append(Trial(id: 3, assignment: ["classifier_type": 3, "knn_n_neighbors": 9], status: .ok, loss: 0.1))
        return trials
    }

    @Test func lossesStatusesBestAndArgmin() {
        let trials = sampleTrials()
        #expect(trials.losses == [0.4, nil, 0.1, 0.1])
        #expect(trials.statuses == [.ok, .fail, .ok, .ok])
        #expect(trials.best?.id == 2)  // ties go to the earliest
        #expect(trials.argmin == ["classifier_type": 3, "knn_n_neighbors": 4])
        #expect(trials.bestSoFar == [0.4, 0.4, 0.1, 0.1])
        #expect(trials.nextID == 4)
        #expect(trials[0].duration == 1.5)
        #expect(trials[1].lossForModel == .infinity)
    }

    @Test func hyperoptJSONHasHyperoptsShapeAndRoundTrips() throws {
        let space = try SearchSpace(TutorialSpaces.classifiers)
        let trials = sampleTrials()
        let data = try trials.hyperoptJSON(space: space)
        let documents = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        #expect(documents.count == 4)
        let misc = documents[1]["misc"] as! [String: Any]
        let vals = misc["vals"] as! [String: [Any]]
        let idxs = misc["idxs"] as! [String: [Int]]
        #expect(vals.count == space.parameters.count)  // every label listed
        #expect(vals["C"]!.isEmpty && idxs["C"]!.isEmpty)  // inactive: []
        #expect(idxs["alpha"] == [1])
        #expect(vals["classifier_type"] as! [Int] == [0])
        #expect(documents[1]["state"] as? Int == 2)
        let result = documents[0]["result"] as! [String: Any]
        #expect(result["status"] as? String == "ok" && result["loss"] as? Double == 0.4 && result["accuracy"] as? Double == 0.6)
        #expect((documents[1]["result"] as! [String: Any])["message"] as? String == "diverged")
        #expect(documents[0]["book_time"] as? String == "2027-01-15T08:00:00.125Z")

        let back = try Trials(hyperoptJSON: data, space: space)
        #expect(back == trials)
    }

    @Test func importRejectsLabelsOutsideTheSpaceNamingTheTrial() throws {
        let space = try SearchSpace(.uniform("x", 0, 1))
        let json = #"[{"tid": 5, "misc": {"vals": {"y": [1.0]}}, "result": {"status": "ok", "loss": 1}, "state": 2}]"#
        #expect(throws: TrialsImportError.self) { try Trials(hyperoptJSON: Data(json.utf8), space: space) }
        do { _ = try Trials(hyperoptJSON: Data(json.utf8), space: space) } catch {
            #expect("\(error)" == "trial 5 field 'misc.vals.y': not a label of the space")
        }
    }

    @Test func importReadsPythonHyperoptDocuments() throws {
        // As written by json.dumps(trials.trials, default=str) from hyperopt 0.3.0.
        let json = #"""
        [{"state": 2, "tid": 0, "spec": null, "result": {"loss": 0.25, "status": "ok"},
          "misc": {"tid": 0, "cmd": ["domain_attachment", "FMinIter_Domain"], "workdir": null,
                   "idxs": {"x": [0]}, "vals": {"x": [0.5]}},
          "exp_key": null, "owner": null, "version": 0,
          "book_time": "2026-11-29 10:00:00.123000", "refresh_time": "2026-11-29 10:00:00.456000"},
         {"state": 3, "tid": 1, "spec": null, "result": {"status": "new"},
          "misc": {"tid": 1, "idxs": {"x": [1]}, "vals": {"x": [0.9]}, "error": ["ValueError", "boom"]},
          "exp_key": null, "owner": null, "version": 0, "book_time": null, "refresh_time": null}]
        """#
        let trials = try Trials(hyperoptJSON: Data(json.utf8), space: try SearchSpace(.uniform("x", 0, 1)))
        #expect(trials[0].loss == 0.25 && trials[0].status == .ok && trials[0].assignment == ["x": 0.5])
        #expect(trials[0].startTime != nil)
        #expect(trials[1].status == .fail && trials[1].message == "ValueError: boom")
    }
}
