package com.clinicfaq.staff;

import com.clinicfaq.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log, for administrators; there is no way to change it from the console. */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/staff/admin/audit")
    String audit(Model model) {
        model.addAttribute("events", audit.recent(500));
        return "staff/audit";
    }
}
