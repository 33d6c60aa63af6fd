package org.dicommeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicommeta.core.MetadataAgents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    @DisplayName("the demo walks through every step on a temporary file store, with the expected counts")
    void demoRunsEveryStep() {
        CliRunner.Result r = new CliRunner(MetadataAgents::open).run("demo", "--ct", "3", "--mr", "3");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("Demo finished: every step behaved as expected.");
        // After the MR import with rendering: 3 of 6 have records of each format.
        assertThat(out).contains("JSON all: 6, existing: 3, missing: 3");
        // After deleting all XML records, MISSING = ALL; after the resumed run, none missing.
        assertThat(out).contains("XML all: 6, existing: 0, missing: 6").contains("XML all: 6, existing: 6, missing: 0");
        assertThat(out).contains("(exit code 130)").contains("Cancelled XML (scope missing)");
        assertThat(r.err()).contains("README.txt");
    }
}
