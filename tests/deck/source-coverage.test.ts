import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Issue 11: "a held-out-style coverage of the source still complete". Each row is one fact of
// the source (hypervisors.zh.md), listed from the source paragraph by paragraph without looking
// at the decks, with the card that teaches it and a word each language's card must contain (in
// its question, answer, choices, steps or explanation). A card rewritten so that it no longer
// teaches the fact, or removed, fails here in the language that lost it.

interface Card {
  id: string;
  [field: string]: unknown;
}
const load = (file: string) =>
  new Map(
    (parse(readFileSync(new URL(`../../decks/${file}`, import.meta.url), 'utf8')) as { cards: Card[] }).cards.map(
      (c) => [c.id, JSON.stringify(c)] as const,
    ),
  );
const decks = { en: load('hypervisors.en.yaml'), zh: load('hypervisors.zh.yaml') };

// [fact of the source, card id, word in the English card, word in the Chinese card]
const FACTS: [string, string, string, string][] = [
  ['virtualization spread from servers to desktops', 'cmp-intro-spread', 'desktops', '桌面'],
  // 1. ESX
  ['ESX runs directly on the hardware, with no OS underneath', 'esx-bare-metal', 'bare-metal', '直接运行在物理硬件上'],
  ["ESX is VMware's enterprise virtualization product", 'esx-enterprise-product', 'enterprise', '企业级'],
  ['an ESX server boots a Linux kernel first', 'esx-boot-first', 'Linux kernel', 'Linux Kernel'],
  ["ESX's hypervisor component is the VMkernel", 'esx-hypervisor-name', 'VMkernel', 'VMkernel'],
  ['the VMkernel takes over the hardware from the Linux kernel', 'esx-vmkernel-takeover', 'control', '控制权'],
  ["the Linux kernel becomes the VMkernel's first VM", 'esx-first-vm', 'Linux kernel', 'Linux Kernel'],
  ['the first VM hosts the service console', 'esx-service-console', 'service console', '服务控制台'],
  ['the service console provides local management', 'esx-service-console-purpose', 'management', '管理'],
  ['VMs reach CPU and memory directly through the VMkernel', 'esx-cpu-memory-access', 'directly', '直接访问'],
  ['direct CPU access comes from VT-x and AMD-V', 'esx-cpu-hw-assist', 'AMD-V', 'AMD-V'],
  ['VT-x and AMD-V are the first generation', 'esx-vtx-generation', 'first', '第一'],
  ['direct memory access comes from MMU virtualization', 'esx-memory-mmu', 'MMU', 'MMU'],
  ['VMDirectPath I/O relies on the I/O MMU', 'esx-directpath-iommu', 'I/O MMU', 'I/O MMU'],
  ['VMDirectPath I/O gives a VM the device directly', 'esx-directpath-effect', 'directly', '直接访问'],
  ['VMXNETx is a paravirtual device', 'esx-vmxnet-kind', 'aravirtual', '半虚拟化'],
  ['physical driver in the VMkernel, virtual driver in the VM', 'esx-vmxnet-pairing', 'virtual driver', '虚拟驱动'],
  ['VMXNETx is more efficient than an emulated NIC', 'esx-vmxnet-vs-emulated', 'emulated', '仿真'],
  ['VMware Tools installs paravirtual devices (Windows: bottom right)', 'esx-vmware-tools', 'bottom-right', '右下角'],
  ['VMXNETx is used more widely than VMDirectPath', 'esx-nic-more-common', 'VMXNETx', 'VMXNETx'],
  [
    'VMDirectPath breaks live migration, snapshots, fault tolerance, memory overcommitment',
    'esx-directpath-incompatible',
    'Memory overcommitment',
    '内存过量使用',
  ],
  ['ESX has its physical drivers in the hypervisor', 'esx-drivers-location', 'VMkernel', 'VMkernel'],
  ['all ESX drivers are pre-installed by VMware', 'esx-drivers-supplier', 'VMware', 'VMware'],
  ['ESX refuses to install on hardware not on its list', 'esx-hcl-refuse', 'refuses to install', '拒绝'],
  ['why ESX has a strict compatibility list', 'esx-why-strict-hcl', 'compatibility', '兼容性'],
  // 2. Hyper-V
  ['the first Hyper-V came in July 2008', 'hv-first-release', 'July 2008', '2008 年 7 月'],
  [
    'the standalone edition, e.g. Hyper-V Server 2008',
    'hv-standalone-example',
    'Hyper-V Server 2008',
    'Hyper-V Server 2008',
  ],
  ['the standalone edition is operated from a command line', 'hv-standalone-interface', 'command-line', '命令行'],
  ['the standalone edition is free', 'hv-standalone-free', 'free', '免费'],
  ['in Windows Server 2008 Hyper-V is an optional role', 'hv-embedded-role', 'role', '角色'],
  ['without the role, Windows drives the hardware directly', 'hv-no-role-direct', 'directly', '直接'],
  ['enabling the role asks for a restart', 'hv-enable-reboot', 'restart', '重新启动'],
  ['during the restart the hypervisor takes the hardware', 'hv-boot-takeover', 'hypervisor', 'Hypervisor'],
  [
    'the former Windows becomes the first VM, the parent partition',
    'hv-parent-partition',
    'parent partition',
    '父分区',
  ],
  ['the other VMs are child partitions', 'hv-child-partition', 'child partition', '子分区'],
  ['the parent manages the child partitions and the I/O devices', 'hv-parent-manages', 'I/O devices', 'I/O 设备'],
  ['Hyper-V requires CPU hardware assistance', 'hv-cpu-required', 'hardware-assisted', '硬件辅助'],
  ['MMU hardware assistance is an optional enhancement', 'hv-mmu-optional', 'optional', '增强选项'],
  ['the hypervisor only schedules CPUs and allocates memory', 'hv-hypervisor-jobs', 'scheduling', '调度'],
  ['the parent partition holds the physical drivers', 'hv-drivers-location', 'parent partition', '父分区'],
  ['the I/O path VSC, VMBus, VSP, physical driver', 'hv-io-path', 'VMBus', 'VMBus'],
  ['VSC: virtualization service client', 'hv-vsc-name', 'Client', '客户端'],
  ['VSP: virtualization service provider', 'hv-vsp-name', 'Provider', '提供者'],
  ['the VMBus carries requests from VSC to VSP', 'hv-vmbus', 'VSP', 'VSP'],
  ['the VSC to VSP path in order', 'hv-io-order', 'VSP', 'VSP'],
  ['each I/O device type has its own VSC/VSP pair', 'hv-pair-per-device', 'pair', '配对'],
  ['storage, network, video and input each have a pair', 'hv-device-pairs', 'Video', '视频'],
  ['the I/O path is transparent to the child OS', 'hv-io-transparent', 'transparent', '透明'],
  ['VSC and VMBus are the virtual drivers in the child', 'hv-virtual-drivers', 'VSC', 'VSC'],
  ['the integration services install them', 'hv-integration-services', 'ntegration services', '集成服务'],
  ['... on the first boot of the child OS', 'hv-integration-when', 'first time', '首次启动'],
  ['VSC/VMBus are a kind of paravirtual device', 'hv-paravirtual-device', 'paravirtualized', '半虚拟化'],
  ['a child OS without them is an unenlightened OS', 'hv-unenlightened-name', 'nenlightened', 'Unenlightened'],
  ['unsupported Linux and old Windows are unenlightened', 'hv-unenlightened-examples', 'Windows', 'Windows'],
  ['an unenlightened child runs emulated', 'hv-unenlightened-mode', 'emulated', '仿真'],
  [
    'an enlightened OS supports paravirtual drivers',
    'hv-enlightened-meaning',
    'paravirtualized drivers',
    '半虚拟化驱动',
  ],
  [
    'the Hyper-V hypervisor is thin, with no physical drivers',
    'hv-no-physical-drivers',
    'no physical drivers',
    '物理驱动',
  ],
  ['parent drivers install and load as on ordinary Windows', 'hv-parent-ordinary-drivers', 'traditional', '传统'],
  ['Hyper-V works with any hardware Windows supports', 'hv-hardware-compat', 'Windows supports', 'Windows 支持'],
  ['enabling the role, the restart, the parent partition, in order', 'hyperv-boot-order', 'parent partition', '父分区'],
  // 3. Xen
  ['Xen is open source under the GPL', 'xen-licence', 'GPL', 'GPL'],
  ['Xen is based on a hybrid model', 'xen-hybrid-model', 'ybrid', '混合模型'],
  ['why Xen is called hybrid', 'xen-why-hybrid', 'ybrid', '混合模型'],
  ['Dom0 can be Linux, Solaris or NetBSD', 'xen-dom0-os-choices', 'NetBSD', 'NetBSD'],
  ["Xen's original approach is paravirtualization", 'xen-original-approach', 'aravirtualization', '半虚拟化'],
  ['by modifying the Linux kernel for CPU and memory', 'xen-pv-cpu-memory', 'Linux kernel', 'Linux 内核'],
  ['I/O front-end/back-end driver architecture', 'xen-pv-devices', 'front-end/back-end', '前端'],
  ['Xen 1.0 and 2.0 implemented paravirtualization (Domain 0 and Domain N)', 'xen-1-2-pv', 'Domain N', 'Domain N'],
  ['PV VMs perform close to physical machines', 'xen-pv-performance', 'physical machines', '物理机'],
  ['PV needs no special hardware', 'xen-pv-no-hw', 'hardware-assisted', '硬件辅助'],
  ['Xen 3.0 brought full virtualization on Intel VT and AMD-V', 'xen-3-full-virt', 'Xen 3.0', 'Xen 3.0'],
  ['the VMX Domain is the fully virtualized VM', 'xen-vmx-domain', 'VMX', 'VMX'],
  ["the device model borrows QEMU's emulation code", 'xen-qemu-device-model', 'QEMU', 'QEMU'],
  ['front-end/back-end drivers also serve VMX domains', 'xen-fe-be-in-vmx', 'front-end/back-end', '前端'],
  ['Xen began at Cambridge as a XenSource research project', 'xen-origin', 'Cambridge', '剑桥'],
  ['Xen 1.0 came in September 2003 (per the source)', 'xen-1-0-date', 'September 2003', '2003 年 9 月'],
  ['Citrix bought XenSource', 'xen-citrix', 'Citrix', 'Citrix'],
  ['... in 2007', 'xen-citrix-year', '2007', '2007'],
  ['xen.org carried Xen on', 'xen-org', 'xen.org', 'xen.org'],
  ['its members include Citrix and Oracle', 'xen-org-members', 'Oracle', 'Oracle'],
  ['Xen 4.1 came in March 2011', 'xen-4-1', '4.1', '4.1'],
  ['Xen also supports IA64 and ARM', 'xen-risc-archs', 'IA64', 'IA64'],
  ['Xen supports more CPU architectures than ESX and Hyper-V', 'cmp-risc', 'Xen', 'Xen'],
  ['ESX and Hyper-V support only x86/x86_64', 'cmp-x86-only', 'x86_64', 'x86_64'],
  ['the Xen hypervisor is the first program after the BIOS', 'xen-boot-first', 'BIOS', 'BIOS'],
  ['it then starts Domain 0', 'xen-boot-dom0', 'Dom0', 'Dom0'],
  ['BIOS, hypervisor, Dom0, DomU, in order', 'xen-boot-order', 'Domain U', 'Domain U'],
  ["Dom0's OS can be Linux or Unix", 'xen-dom0-linux-or-unix', 'Unix', 'Unix'],
  ['Dom0 controls and manages the hypervisor', 'xen-dom0-role', 'manage', '管理'],
  ['only Dom0 reaches the hardware directly', 'xen-dom0-only-hw', 'only Dom0', '只有 Dom0'],
  ['the other VMs are DomU', 'xen-domu-name', 'DomU', 'DomU'],
  ["Dom0's physical drivers are the DomUs' bridge", 'xen-dom0-bridge', 'bridge', '桥梁'],
  ['Xen calls full virtualization HVM', 'xen-hvm-name', 'HVM', 'HVM'],
  ['a PV guest needs a special kernel', 'xen-pv-kernel', 'kernel', '内核'],
  ['such as Linux with paravirt_ops', 'xen-paravirt-ops', 'paravirt_ops', 'paravirt_ops'],
  ['Windows cannot be a PV guest', 'xen-windows-pv', 'Windows', 'Windows'],
  ['... because it is closed', 'xen-why-no-windows-pv', 'closed', '封闭'],
  ['PV suits servers from before 2007', 'xen-pv-old-servers', '2007', '2007'],
  ['full virtualization supports native OSes, especially Windows', 'xen-hvm-native', 'Windows', 'Windows'],
  ['HVM requires CPU hardware assistance', 'xen-hvm-hw', 'hardware-assisted', '硬件辅助'],
  ['QEMU emulates BIOS, IDE, VGA, USB and the NIC', 'xen-hvm-qemu-emulates', 'USB', 'USB'],
  ['PV on HVM drivers for disks and NICs', 'xen-pv-on-hvm', 'PV on HVM', 'PV on HVM'],
  ['PV on HVM performs best with MMU assistance', 'xen-pv-on-hvm-mmu', 'MMU', 'MMU'],
  ['the Xen hypervisor has fewer than 150,000 lines', 'xen-code-size', '150,000', '15 万'],
  ['it has no physical device drivers, like Hyper-V', 'xen-no-drivers', 'Hyper-V', 'Hyper-V'],
  ['drivers in Dom0 reuse Linux drivers', 'xen-reuse-linux-drivers', 'Linux', 'Linux'],
  ['Xen supports what Linux supports', 'xen-hw-compat', 'Linux', 'Linux'],
  ['the split-driver path in order', 'xen-split-driver-path', 'back-end', '后端'],
  // 4. KVM
  [
    'KVM is the Kernel-based Virtual Machine',
    'kvm-name',
    'Kernel-based Virtual Machine',
    'Kernel-based Virtual Machine',
  ],
  ['KVM is GPL open source', 'kvm-licence', 'GPL', 'GPL'],
  ['KVM went into Linux 2.6.20', 'kvm-kernel-version', '2.6.20', '2.6.20'],
  ['... in February 2007', 'kvm-merged-date', 'February 2007', '2007 年 2 月'],
  ['KVM is based on Intel VT hardware virtualization', 'kvm-hw-basis', 'Intel VT', 'Intel VT'],
  ['KVM uses QEMU for device virtualization', 'kvm-qemu', 'QEMU', 'QEMU'],
  [
    'paravirtualization extensions for KVM were released',
    'kvm-pv-extensions',
    'aravirtualization extensions',
    '半虚拟化扩展',
  ],
  [
    'the hosted-model view: a kernel module in a Linux not made for virtualization',
    'kvm-hosted-argument',
    'kernel module',
    '内核模块',
  ],
  ['KVM is a Linux kernel module', 'kvm-kernel-module', 'kernel module', '内核模块'],
  [
    'the hypervisor-model view: virtualization features in the kernel',
    'kvm-why-hypervisor',
    'Linux kernel',
    'Linux 内核',
  ],
  ["KVM's originators lean towards the hypervisor model", 'kvm-maintainers-view', 'ypervisor model', 'Hypervisor 模型'],
  ['the host OS must be Linux', 'kvm-host-os', 'Linux', 'Linux'],
  ['guests: Linux, Windows, Solaris, BSD', 'kvm-guests', 'Solaris', 'Solaris'],
  ['only x86 and x86_64 with virtualization extensions', 'kvm-arch', 'x86_64', 'x86_64'],
  ['not on old CPUs', 'kvm-old-cpu', 'old CPUs', '老式'],
  ['nor on new ones without extensions, e.g. Atom', 'kvm-atom', 'Atom', 'Atom'],
  ['KVM inherits most of Linux', 'kvm-inherits-linux', "Linux's features", 'Linux 的大部分功能'],
  ['KVM, like Xen, ports well', 'kvm-portability', 'ports', '移植'],
];

describe('the hypervisor decks still cover every fact of the source', () => {
  it('lists each fact once', () => {
    expect(new Set(FACTS.map(([fact]) => fact)).size).toBe(FACTS.length);
  });

  it.each(FACTS)('%s (%s)', (_fact, id, en, zh) => {
    expect(decks.en.get(id), `en ${id}`).toContain(en);
    expect(decks.zh.get(id), `zh ${id}`).toContain(zh);
  });
});
