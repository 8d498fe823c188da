/**
 * Small frameworks for the end-to-end tests, in the language as the README shows it: one that
 * checks clean and builds, and variants with a known error.
 */

/** A complete, correct framework in two files, with Vietnamese labels. */
export const CLEAN = {
  'fw/framework.kpi': `framework demo "Khung đánh giá" / "Demo framework" {
  version "2024.1"
  cycle quarterly
}

levels {
  excellent "Xuất sắc" / "Excellent" points 100
  good      "Tốt"      / "Good"      points 80
  poor      "Kém"      / "Poor"      points 0
}

goal service "Phục vụ người dân" / "Serve citizens"
`,
  'fw/positions.kpi': `kpi task_completion "Tỷ lệ hoàn thành nhiệm vụ" / "Task completion rate" {
  kind output
  measure tasks_on_time / tasks_total
  unit percent
  better higher
  target >= 95%
  bands {
    excellent from 95%
    good      from 80% to under 95%
    poor      under 80%
  }
  every quarter
  source "Hệ thống quản lý công việc" / "Work management system"
  goal service
}

position head "Trưởng phòng" / "Head of division" {
  task_completion weight 100%
}
`,
};

/** The clean framework with a syntax error on line 8 of positions.kpi. */
export const BROKEN = {
  ...CLEAN,
  'fw/positions.kpi': CLEAN['fw/positions.kpi'].replace('excellent from 95%', 'excellent >>> 95%'),
};
