/**
 * The vocabulary the benchmark's framework generator draws from: sectors of a national
 * administration, the indicator templates every sector uses, roles, position groups and
 * regions. Labels are Vietnamese and English, so that the lexer meets diacritics as often
 * as it would in a real ministry's framework.
 *
 * Only data lives here; `framework-model.mjs` combines it into a framework.
 */

/** Sectors of the administration; `general` holds the indicators the position groups share. */
export const SECTORS = [
  { id: 'general', vi: 'Công tác chung', en: 'General duties' },
  { id: 'education', vi: 'Giáo dục và Đào tạo', en: 'Education and Training' },
  { id: 'health', vi: 'Y tế', en: 'Health' },
  { id: 'finance', vi: 'Tài chính', en: 'Finance' },
  { id: 'tax', vi: 'Thuế', en: 'Taxation' },
  { id: 'customs', vi: 'Hải quan', en: 'Customs' },
  { id: 'land', vi: 'Đất đai', en: 'Land administration' },
  { id: 'environment', vi: 'Tài nguyên và Môi trường', en: 'Natural resources and Environment' },
  { id: 'agriculture', vi: 'Nông nghiệp và Phát triển nông thôn', en: 'Agriculture and Rural development' },
  { id: 'transport', vi: 'Giao thông vận tải', en: 'Transport' },
  { id: 'construction', vi: 'Xây dựng', en: 'Construction' },
  { id: 'justice', vi: 'Tư pháp', en: 'Justice' },
  { id: 'labour', vi: 'Lao động, Thương binh và Xã hội', en: 'Labour, Invalids and Social affairs' },
  { id: 'culture', vi: 'Văn hóa, Thể thao và Du lịch', en: 'Culture, Sports and Tourism' },
  { id: 'trade', vi: 'Công Thương', en: 'Industry and Trade' },
  { id: 'ict', vi: 'Thông tin và Truyền thông', en: 'Information and Communications' },
  { id: 'home_affairs', vi: 'Nội vụ', en: 'Home affairs' },
  { id: 'ethnic', vi: 'Dân tộc', en: 'Ethnic minority affairs' },
  { id: 'planning', vi: 'Kế hoạch và Đầu tư', en: 'Planning and Investment' },
  { id: 'science', vi: 'Khoa học và Công nghệ', en: 'Science and Technology' },
];

/** Balanced Scorecard perspectives; every sector gets one goal per perspective. */
export const PERSPECTIVES = [
  { id: 'customer', vi: 'Phục vụ người dân và doanh nghiệp', en: 'Serve citizens and businesses' },
  { id: 'internal', vi: 'Cải tiến quy trình nội bộ', en: 'Improve internal processes' },
  { id: 'learning', vi: 'Phát triển năng lực đội ngũ', en: 'Develop staff capacity' },
  { id: 'financial', vi: 'Sử dụng hiệu quả ngân sách', en: 'Use the budget well' },
];

/**
 * Indicator templates. `profile` names a band shape (see `band-profiles.mjs`); `every` is
 * the measurement frequency, with `aggregate` when it is shorter than the quarterly cycle.
 */
export const TEMPLATES = [
  { key: 'task_completion', vi: 'Tỷ lệ hoàn thành nhiệm vụ', en: 'Task completion rate', kind: 'output', measure: 'tasks_done / tasks_assigned', profile: 'percentHigh', every: 'quarter', perspective: 'internal', source: 'work' },
  { key: 'on_time_rate', vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Files settled on time', kind: 'process', measure: 'files_on_time / files_settled', profile: 'percentHigh', every: 'month', aggregate: 'mean', perspective: 'customer', source: 'onestop' },
  { key: 'record_quality', vi: 'Tỷ lệ hồ sơ đạt chất lượng', en: 'Records meeting quality standards', kind: 'output', measure: 'records_passed / records_reviewed', profile: 'percentHigh', every: 'quarter', perspective: 'internal', source: 'records' },
  { key: 'citizen_satisfaction', vi: 'Mức độ hài lòng của người dân', en: 'Citizen satisfaction', kind: 'outcome', survey: 'citizen_survey', profile: 'likertHigh', every: 'quarter', perspective: 'customer', source: 'survey' },
  { key: 'complaints', vi: 'Số khiếu nại có căn cứ', en: 'Justified complaints', kind: 'outcome', measure: 'justified_complaints', profile: 'countLow', every: 'month', aggregate: 'sum', perspective: 'customer', source: 'complaints' },
  { key: 'error_rate', vi: 'Tỷ lệ văn bản có sai sót', en: 'Documents with errors', kind: 'process', measure: 'documents_with_errors / documents_issued', profile: 'percentLow', every: 'quarter', perspective: 'internal', source: 'records' },
  { key: 'response_time', vi: 'Thời gian phản hồi kiến nghị', en: 'Time to answer a petition', kind: 'process', measure: 'response_hours_total / petitions_answered', profile: 'hoursLow', every: 'month', aggregate: 'mean', perspective: 'customer', source: 'onestop' },
  { key: 'processing_days', vi: 'Thời gian xử lý hồ sơ', en: 'Days to process a file', kind: 'process', measure: 'processing_days_total / files_processed', profile: 'daysLow', every: 'quarter', perspective: 'customer', source: 'onestop' },
  { key: 'training_hours', vi: 'Số giờ bồi dưỡng chuyên môn', en: 'Hours of professional training', kind: 'input', measure: 'training_hours', profile: 'hoursHigh', every: 'quarter', perspective: 'learning', source: 'hr' },
  { key: 'budget_execution', vi: 'Tỷ lệ giải ngân vốn được giao', en: 'Budget disbursement rate', kind: 'input', measure: 'disbursed / allocated', profile: 'percentHigh', every: 'month', aggregate: 'last', perspective: 'financial', source: 'treasury' },
  { key: 'digital_share', vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Share of files submitted online', kind: 'output', measure: 'online_files / all_files', profile: 'percentHigh', every: 'quarter', perspective: 'customer', source: 'portal' },
  { key: 'portal_updates', vi: 'Số lần cập nhật cổng thông tin', en: 'Portal updates', kind: 'process', measure: 'portal_updates', profile: 'rateHigh', unitPer: 'month', every: 'month', aggregate: 'mean', perspective: 'internal', source: 'portal' },
  { key: 'audit_violations', vi: 'Số vi phạm phát hiện qua kiểm toán', en: 'Violations found by audit', kind: 'process', measure: 'audit_violations', profile: 'countLow', every: 'quarter', perspective: 'financial', source: 'audit' },
  { key: 'inspection_coverage', vi: 'Tỷ lệ cơ sở được kiểm tra', en: 'Share of sites inspected', kind: 'output', measure: 'sites_inspected / sites_planned', profile: 'percentHigh', every: 'quarter', perspective: 'internal', source: 'work' },
  { key: 'staff_satisfaction', vi: 'Mức độ hài lòng của công chức', en: 'Staff satisfaction', kind: 'outcome', survey: 'staff_survey', profile: 'likertHigh', every: 'quarter', perspective: 'learning', source: 'survey' },
  { key: 'overdue_files', vi: 'Số hồ sơ quá hạn', en: 'Overdue files', kind: 'output', measure: 'overdue_files', profile: 'countLow', every: 'month', aggregate: 'max', perspective: 'customer', source: 'onestop' },
  { key: 'cost_savings', vi: 'Tỷ lệ tiết kiệm chi thường xuyên', en: 'Savings on running costs', kind: 'outcome', measure: '(budget_planned - budget_spent) / budget_planned', profile: 'percentSavings', every: 'quarter', perspective: 'financial', source: 'treasury' },
  { key: 'reports_on_time', vi: 'Tỷ lệ báo cáo nộp đúng hạn', en: 'Reports submitted on time', kind: 'process', measure: 'reports_on_time / reports_due', profile: 'percentHigh', every: 'month', aggregate: 'min', perspective: 'internal', source: 'work' },
  { key: 'data_accuracy', vi: 'Tỷ lệ dữ liệu chính xác', en: 'Accurate data records', kind: 'output', measure: 'accurate_records / checked_records', profile: 'percentHigh', every: 'quarter', perspective: 'internal', source: 'records' },
  { key: 'skills_certified', vi: 'Tỷ lệ công chức đạt chuẩn kỹ năng số', en: 'Staff certified in digital skills', kind: 'outcome', measure: 'staff_certified / staff_total', profile: 'percentHigh', every: 'quarter', perspective: 'learning', source: 'hr' },
];

/** Data sources, by the key a template names. */
export const SOURCES = {
  work: { vi: 'Hệ thống quản lý công việc', en: 'Work management system' },
  onestop: { vi: 'Hệ thống một cửa điện tử', en: 'Electronic one-stop system' },
  records: { vi: 'Sổ kiểm soát hồ sơ', en: 'Records control register' },
  survey: { vi: 'Khảo sát định kỳ', en: 'Periodic survey' },
  complaints: { vi: 'Sổ tiếp nhận khiếu nại', en: 'Complaints register' },
  hr: { vi: 'Cơ sở dữ liệu cán bộ, công chức', en: 'Civil servant database' },
  treasury: { vi: 'Kho bạc Nhà nước', en: 'State Treasury' },
  portal: { vi: 'Cổng thông tin điện tử', en: 'Web portal' },
  audit: { vi: 'Báo cáo kiểm toán', en: 'Audit reports' },
};

/** Roles; every sector has one position per role, in the role's group. */
export const ROLES = [
  { id: 'director', vi: 'Giám đốc', en: 'Director', group: 'management' },
  { id: 'deputy', vi: 'Phó Giám đốc', en: 'Deputy director', group: 'management' },
  { id: 'specialist', vi: 'Chuyên viên', en: 'Specialist', group: 'professional' },
  { id: 'clerk', vi: 'Văn thư', en: 'Clerk', group: 'administrative' },
];

/** Position groups and the `general` templates each one lists. */
export const GROUPS = [
  { id: 'management', vi: 'Lãnh đạo, quản lý', en: 'Management', keys: ['task_completion', 'staff_satisfaction', 'budget_execution'] },
  { id: 'professional', vi: 'Chuyên môn, nghiệp vụ', en: 'Professional', keys: ['task_completion', 'on_time_rate'] },
  { id: 'administrative', vi: 'Hành chính, văn thư', en: 'Administrative', keys: ['record_quality', 'reports_on_time'] },
];

/** Regions and settings that override targets, bands and weights. */
export const REGIONS = [
  { id: 'ha_noi', vi: 'Hà Nội', en: 'Ha Noi' },
  { id: 'ho_chi_minh', vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City' },
  { id: 'dak_lak', vi: 'Đắk Lắk', en: 'Dak Lak' },
  { id: 'can_tho', vi: 'Cần Thơ', en: 'Can Tho' },
  { id: 'lao_cai', vi: 'Lào Cai', en: 'Lao Cai' },
  { id: 'ha_giang', vi: 'Hà Giang', en: 'Ha Giang' },
  { id: 'dien_bien', vi: 'Điện Biên', en: 'Dien Bien' },
  { id: 'son_la', vi: 'Sơn La', en: 'Son La' },
  { id: 'gia_lai', vi: 'Gia Lai', en: 'Gia Lai' },
  { id: 'kon_tum', vi: 'Kon Tum', en: 'Kon Tum' },
  { id: 'ca_mau', vi: 'Cà Mau', en: 'Ca Mau' },
  { id: 'an_giang', vi: 'An Giang', en: 'An Giang' },
  { id: 'quang_nam', vi: 'Quảng Nam', en: 'Quang Nam' },
  { id: 'nghe_an', vi: 'Nghệ An', en: 'Nghe An' },
  { id: 'thanh_hoa', vi: 'Thanh Hóa', en: 'Thanh Hoa' },
  { id: 'thua_thien_hue', vi: 'Thừa Thiên Huế', en: 'Thua Thien Hue' },
  { id: 'da_nang', vi: 'Đà Nẵng', en: 'Da Nang' },
  { id: 'hai_phong', vi: 'Hải Phòng', en: 'Hai Phong' },
  { id: 'bac_kan', vi: 'Bắc Kạn', en: 'Bac Kan' },
  { id: 'remote_mountain', vi: 'Các huyện miền núi vùng sâu, vùng xa', en: 'Remote mountainous districts' },
  { id: 'border_districts', vi: 'Các huyện biên giới', en: 'Border districts' },
  { id: 'island_districts', vi: 'Các huyện đảo', en: 'Island districts' },
  { id: 'mekong_delta', vi: 'Vùng Đồng bằng sông Cửu Long', en: 'Mekong Delta region' },
  { id: 'central_highlands', vi: 'Vùng Tây Nguyên', en: 'Central Highlands region' },
];
